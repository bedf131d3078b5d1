"""Fill English msgstrs from a mapping file: `python scripts/fill_catalogue.py MAPPING.py`.

The mapping file defines EN = {msgid: msgstr}, PLURALS = {msgid: (singular, plural)} and
CONTEXT = {(msgctxt, msgid): msgstr} for strings marked with pgettext.
Prints the msgids still untranslated, so a new string never slips through unnoticed.
"""

import runpy
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main(mapping_path: str) -> int:
    mapping = runpy.run_path(mapping_path)
    singles, plurals = mapping.get("EN", {}), mapping.get("PLURALS", {})
    contexts = mapping.get("CONTEXT", {})
    po = polib.pofile(str(CATALOGUE))
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Language"] = "en"
    for entry in po:
        if "fuzzy" in entry.flags:  # msgmerge's guesses are not translations
            entry.flags.remove("fuzzy")
            entry.msgstr = ""
            entry.msgstr_plural = {0: "", 1: ""} if entry.msgid_plural else {}
        if entry.msgctxt:
            if (entry.msgctxt, entry.msgid) not in contexts:
                continue
            entry.msgstr = contexts[(entry.msgctxt, entry.msgid)]
        elif entry.msgid_plural and entry.msgid in plurals:
            one, many = plurals[entry.msgid]
            entry.msgstr_plural = {0: one, 1: many}
        elif entry.msgid in singles:
            entry.msgstr = singles[entry.msgid]
    po.save()
    po.save_as_mofile(str(CATALOGUE.with_suffix(".mo")))
    missing = [e.msgid for e in po.untranslated_entries()]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
