"""What is shown of file names and texts: valid UTF-8, and never a control sequence.

A file name is bytes: one that is not UTF-8 (byte 0xff) reaches Python with lone surrogates
(``surrogateescape``), which no UTF-8 output can hold. A name with such a byte, or with a
control character, is shown with backslash escapes: ``\\xff`` for the byte, ``\\x1b`` for
ESC, and ``\\\\`` for a backslash of the name itself, so the original bytes can always be
recovered (``name_bytes``); every other name is shown as it is. SARIF's URIs take the
original bytes percent-encoded instead.

Terminal output (``terminal``) escapes the C0 and C1 controls and DEL of any text the same
way, so that an article cannot set the window title, print a hyperlink or move the cursor
(OSC and CSI sequences) through a finding's message or a quoted line.
"""

from __future__ import annotations

import re

#: C0 controls but tab, DEL, C1 controls, and the surrogates that stand for undecodable bytes.
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\udc80-\udcff]")
_UNSAFE_TEXT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\udc80-\udcff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00 if code >= 0xDC00 else code:02x}"


def shown_name(name: str) -> str:
    """A file name as reports show it: itself, unless it holds an undecodable byte or a
    control character; then escaped (backslashes doubled, those as ``\\xNN``)."""
    if _UNSAFE_NAME.search(name) is None:
        return name
    return _UNSAFE_NAME.sub(_escape, name.replace("\\", "\\\\"))


def name_bytes(shown: str) -> bytes:
    """The bytes of the name that ``shown_name`` showed as ``shown``."""
    if "\\" not in shown:
        return shown.encode("utf-8", "surrogateescape")
    found = bytearray()
    position = 0
    while position < len(shown):
        char = shown[position]
        if char == "\\" and shown.startswith("\\\\", position):
            found += b"\\"
            position += 2
        elif char == "\\" and re.match(r"\\x[0-9a-f]{2}", shown[position:position + 4]):
            found.append(int(shown[position + 2:position + 4], 16))
            position += 4
        else:
            found += char.encode("utf-8", "surrogateescape")
            position += 1
    return bytes(found)


def terminal(text: str) -> str:
    """``text`` safe to print on a terminal: every control but tab as ``\\xNN`` (a newline
    too: a message or a quoted line is one line, and must not fake another finding's)."""
    if _UNSAFE_TEXT.search(text) is None:
        return text
    return _UNSAFE_TEXT.sub(_escape, text)
