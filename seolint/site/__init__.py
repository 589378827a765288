"""What the rules across articles see: one summary per article, and where links lead."""
