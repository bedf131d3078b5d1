"""Configuration mistakes surface as system checks with ids (STYLE.md)."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def check_language_and_time(app_configs, **kwargs):  # type: ignore[no-untyped-def]
    errors = []
    if settings.LANGUAGE_CODE != "vi":
        errors.append(Error("LANGUAGE_CODE phải là 'vi'.", id="lantoa.E001"))
    if settings.TIME_ZONE != "Asia/Ho_Chi_Minh" or not settings.USE_TZ:
        errors.append(
            Error("TIME_ZONE phải là 'Asia/Ho_Chi_Minh' và USE_TZ=True.", id="lantoa.E002")
        )
    return errors


@register(deploy=True)
def check_production_database(app_configs, **kwargs):  # type: ignore[no-untyped-def]
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3") and not settings.DATA_DIR.exists():
        return [Warning("Thư mục dữ liệu LANTOA_DATA_DIR không tồn tại.", id="lantoa.W001")]
    return []
