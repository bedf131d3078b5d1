from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo and synthetic data, benchmarks and development commands (issue 11, item 4).
    Nothing in the application imports this app; it only adds commands."""

    name = "lantoa.demo"
    label = "demo"
    verbose_name = _("Dữ liệu mẫu và công cụ phát triển")
