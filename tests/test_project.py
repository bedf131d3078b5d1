"""Project-wide checks: deploy settings, migrations, the English catalogue (issue 2, item 1)."""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def run_lantoa(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "lantoa.cli", *args],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_under_production_settings_reports_nothing(tmp_path):
    result = run_lantoa(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DEBUG": "0",
            "LANTOA_HTTPS": "1",
            "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-only-0123456789",
            "ALLOWED_HOSTS": "lantoa.example.gov.vn",
            "LANTOA_DATA_DIR": str(tmp_path),
            "LANTOA_PROXY_COUNT": "1",  # behind nginx, as docs/deploy.md sets it up
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_catches_https_behind_a_proxy_without_the_proxy_count(tmp_path):
    """Issue 12, finding 2: `check --deploy` said nothing while every client looked like nginx."""
    result = run_lantoa(
        "check",
        "--deploy",
        env={
            "DEBUG": "0",
            "LANTOA_HTTPS": "1",
            "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-only-0123456789",
            "ALLOWED_HOSTS": "lantoa.example.gov.vn",
            "LANTOA_DATA_DIR": str(tmp_path),
        },
    )
    assert result.returncode != 0
    assert "lantoa.E005" in result.stdout + result.stderr


def test_models_and_migrations_agree(tmp_path):
    result = run_lantoa(
        "makemigrations", "--check", "--dry-run", env={"LANTOA_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(CATALOGUE))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    mo = polib.mofile(str(CATALOGUE.with_suffix(".mo")))

    def texts(entries):
        return {
            (e.msgctxt, e.msgid): e.msgstr_plural.get(0, e.msgstr) if e.msgid_plural else e.msgstr
            for e in entries
            if e.msgid
        }

    assert texts(mo) == texts(po.translated_entries())


def test_catalogue_holds_every_string_of_the_code(tmp_path):
    """makemessages on a copy finds no msgid that the committed catalogue lacks."""
    out = run_lantoa("extract_messages", str(tmp_path / "fresh"))
    assert out.returncode == 0, out.stderr
    fresh = tmp_path / "fresh" / "en" / "LC_MESSAGES" / "django.po"
    committed = {e.msgid for e in polib.pofile(str(CATALOGUE))}
    missing = sorted({e.msgid for e in polib.pofile(str(fresh))} - committed)
    assert missing == []
