"""Document text made safe for the places the command line writes it.

A document is untrusted: its text must not move the cursor, recolour or retitle a terminal,
open a hyperlink, or issue a GitHub workflow command.
"""

from __future__ import annotations

import re

__all__ = ["github_data", "github_property", "one_line", "terminal"]

# C0 and C1 control characters and DEL; ESC starts ANSI and OSC sequences, so without it none
# can form. Newlines and tabs stay where text is printed on several lines.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile("\r\n?|[\n\x85\u2028\u2029]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal(text: str) -> str:
    """``text`` with every control character shown as a picture (ESC as ␛); lines kept."""
    return _CONTROLS.sub(_picture, _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """``text`` for one line of output: line breaks shown as ␤, controls as pictures."""
    return _CONTROLS.sub(_picture, _BREAKS.sub("\u2424", text))


def github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner reads it back."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value (file, title): ``:`` and ``,`` escaped too."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
