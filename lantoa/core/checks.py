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
