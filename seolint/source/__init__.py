"""Reading an article and the site around it: discovery, config, front matter, body, language."""
