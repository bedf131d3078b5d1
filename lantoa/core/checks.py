"""Configuration mistakes surface as system checks with ids (STYLE.md)."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_language_and_time(app_configs: Any, **kwargs: Any) -> list[Error]:
    errors = []
    if settings.LANGUAGE_CODE != "vi":
        errors.append(Error("LANGUAGE_CODE phải là 'vi'.", id="lantoa.E001"))
    if settings.TIME_ZONE != "Asia/Ho_Chi_Minh" or not settings.USE_TZ:
        errors.append(
            Error("TIME_ZONE phải là 'Asia/Ho_Chi_Minh' và USE_TZ=True.", id="lantoa.E002")
        )
    return errors


CLIENT_IP_CALLABLE = "lantoa.core.net.client_ip"


@register()
def check_proxy(app_configs: Any, **kwargs: Any) -> list[Error]:
    """Behind nginx the client's address must come from the proxies we trust, or five wrong
    passwords from anyone would lock an account for the whole office (issue 12, item 2)."""
    raw = str(getattr(settings, "LANTOA_PROXY_COUNT_RAW", "0")).strip()
    if not raw.isdigit():
        return [
            Error(
                f"LANTOA_PROXY_COUNT phải là số nguyên không âm, đang là «{raw}».",
                hint="Ghi số proxy đứng trước Lan Tỏa: 1 khi chỉ có nginx (docs/deploy.md).",
                id="lantoa.E003",
            )
        ]
    if settings.LANTOA_PROXY_COUNT and settings.AXES_CLIENT_IP_CALLABLE != CLIENT_IP_CALLABLE:
        return [
            Error(
                "LANTOA_PROXY_COUNT đã đặt nhưng khóa đăng nhập không đọc địa chỉ qua proxy.",
                hint=f"Đặt AXES_CLIENT_IP_CALLABLE = {CLIENT_IP_CALLABLE!r}.",
                id="lantoa.E004",
            )
        ]
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.LANTOA_PROXY_COUNT:
        return [
            Error(
                "Chạy sau proxy HTTPS (LANTOA_HTTPS=1) mà LANTOA_PROXY_COUNT bằng 0: mọi người "
                "dùng sẽ mang địa chỉ của proxy.",
                hint="Đặt LANTOA_PROXY_COUNT=1 khi chỉ có nginx đứng trước (docs/deploy.md).",
                id="lantoa.E005",
            )
        ]
    return []
