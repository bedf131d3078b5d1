"""The system checks catch a proxy set-up that would lock out the office (issue 12, item 2)."""

from django.core.management import call_command

from lantoa.core.checks import check_proxy


def ids(settings_changes, settings):  # type: ignore[no-untyped-def]
    for name, value in settings_changes.items():
        setattr(settings, name, value)
    return [e.id for e in check_proxy(None)]


def test_a_proxy_count_that_is_not_a_number_is_an_error(settings):
    assert ids({"LANTOA_PROXY_COUNT_RAW": "một"}, settings) == ["lantoa.E003"]


def test_proxies_without_the_client_address_reader_are_an_error(settings):
    changes = {"LANTOA_PROXY_COUNT_RAW": "1", "LANTOA_PROXY_COUNT": 1}
    assert ids({**changes, "AXES_CLIENT_IP_CALLABLE": None}, settings) == ["lantoa.E004"]
    reader = {"AXES_CLIENT_IP_CALLABLE": "lantoa.core.net.client_ip"}
    assert ids({**changes, **reader}, settings) == []


def test_https_behind_a_proxy_without_a_proxy_count_is_an_error(settings):
    changes = {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}
    assert ids({**changes, "LANTOA_PROXY_COUNT": 0}, settings) == ["lantoa.E005"]
    assert ids({**changes, "LANTOA_PROXY_COUNT": 1}, settings) == []


def test_the_project_as_configured_passes_its_checks():
    call_command("check", fail_level="ERROR")
