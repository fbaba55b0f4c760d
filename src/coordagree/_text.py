"""Multilingual text: one string, or the same text in several languages, always in Unicode NFC."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from coordagree._validators import instance_of
from coordagree.errors import InvalidTypeError, InvalidValueError

__all__ = ["Text", "to_text", "to_texts"]


def _nfc(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _pairs(value: Any) -> Any:
    if isinstance(value, Mapping):
        value = tuple(value.items())
    if isinstance(value, tuple):
        return tuple(
            (lang, _nfc(text)) if isinstance(text, str) else (lang, text)
            for lang, text in sorted(value, key=lambda pair: str(pair[0]))
        )
    return value


def _check_translations(instance: Text, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise InvalidTypeError(
            f"'translations' must be a mapping of language to text (got {value!r})",
            field=attribute.name,
            value=value,
        )
    for lang, text in value:
        if not isinstance(lang, str) or not isinstance(text, str):
            raise InvalidTypeError(
                f"'translations' must map str to str (got {lang!r}: {text!r})",
                field=attribute.name,
                value=value,
            )
        if lang == instance.lang:
            raise InvalidValueError(
                f"'translations' repeats the primary language {lang!r}",
                field=attribute.name,
                value=value,
                code="duplicate-language",
            )
    if value and instance.lang is None:
        raise InvalidValueError(
            "'translations' need 'lang', the language of the primary text",
            field=attribute.name,
            value=value,
            code="missing-language",
        )


@attrs.frozen
class Text:
    """Human text: one string, optionally tagged with its language and given in others.

    ``Text("Ban Dân vận Tỉnh ủy")`` is in the agreement's language;
    ``Text("Ban Dân vận Tỉnh ủy", lang="vi", translations={"en": "Mass Mobilisation Board"})``
    says which language it is and gives an English rendering beside it. All text is stored in
    Unicode NFC, whatever form it arrived in. In a document, a `Text` is a plain string, or a map
    whose first key is the primary language: ``{vi: "...", en: "..."}``.

    Attributes:
        value: The text as written, in its primary language.
        lang: BCP 47 tag of ``value`` (``"vi"``), or None for the agreement's language.
        translations: The same text in other languages, as sorted ``(lang, text)`` pairs.

    Examples:
        >>> name = Text("Ban Dân vận", lang="vi", translations={"en": "Mass Mobilisation Board"})
        >>> str(name), name.get("en")
        ('Ban Dân vận', 'Mass Mobilisation Board')
    """

    value: str = attrs.field(converter=_nfc, validator=instance_of(str))
    lang: str | None = attrs.field(default=None, validator=instance_of(str, type(None)))
    translations: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_pairs, validator=_check_translations
    )

    def __str__(self) -> str:
        return self.value

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or None when it is not given in that language."""
        if lang == self.lang:
            return self.value
        return dict(self.translations).get(lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this text is given in, the primary one first."""
        primary = (self.lang,) if self.lang else ()
        return primary + tuple(lang for lang, _ in self.translations)


def to_text(value: Text | str | Mapping[str, str] | None) -> Any:
    """Converter: a str becomes a `Text`; a language map becomes a tagged `Text`.

    Anything else (None included) is returned unchanged, for the field's validator to judge.
    """
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, Mapping) and value and all(isinstance(k, str) for k in value):
        (lang, text), *rest = value.items()
        return Text(text, lang=lang, translations=dict(rest))
    return value


def to_texts(value: Any) -> Any:
    """Converter: a list of strings or language maps becomes a tuple of `Text`."""
    if value is None or isinstance(value, str | Mapping):
        return value  # left for the validator to name
    return tuple(to_text(item) for item in value)
