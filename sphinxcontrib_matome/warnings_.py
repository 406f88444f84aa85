"""The warnings this extension emits, as ``type="matome"`` with a subtype.

Listed in one place so the documentation can show them and users can silence one with
``suppress_warnings = ["matome.date"]``.
"""

from __future__ import annotations

from enum import Enum


class MatomeWarning(Enum):
    """Subtypes of ``matome`` warnings; the value is what ``suppress_warnings`` takes."""

    OPTION = "option"
    """An option the directive does not know, or an invalid ``align``/``url``/``avatar``."""
    COLOR = "color"
    """A ``color`` that is not a color: the quote is shown as a neutral bubble."""
    DATE = "date"
    """A ``created-at`` that cannot be read: the raw text is shown, without ``datetime``."""
    USER = "user"
    """No ``user-name``: the quote is shown with ``matome_anonymous_name``."""
    BODY = "body"
    """Both a ``body`` option and directive content: the content wins."""
    CONFIG = "config"
    """An invalid configuration value: its default is used."""
    THREAD = "thread"
    """A ``matome-thread`` problem: an invalid option, content that is not a quote, a
    ``reply-to`` that names no quote of the thread, or ``order: time`` without a time."""
    REPLY = "reply"
    """A ``>>N`` reply whose quote N is not in the same thread: it stays plain text."""
    SPEAKER = "speaker"
    """An invalid ``matome_speakers`` entry (unknown key, bad color or align, missing avatar
    file: the initials are shown instead)."""
    DATA = "data"
    """A thread ``source`` file that cannot be read, or one of its records that is invalid;
    the message names the file, the line and the record."""
    CONTROL = "control"
    """Control characters (ESC, BEL, BS, DEL, other C0/C1 controls; not tab or newline) in a
    quote's options or body: dropped (a line-breaking one such as VT, FF or NEL becomes a space);
    the warning names the options that held them."""

    @property
    def qualified(self) -> str:
        return f"matome.{self.value}"


def warn(logger, message: str, subtype: MatomeWarning, location) -> None:
    """Emit a located warning with the extension's type and the given subtype."""
    logger.warning(message, type="matome", subtype=subtype.value, location=location)
