from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from lantoa.web import views as web_views

admin.site.site_header = "Lan Tỏa — quản trị"
admin.site.site_title = "Lan Tỏa"

urlpatterns = [
    path("", include("lantoa.web.urls")),
    path("accounts/", include("lantoa.accounts.urls")),
    path("org/", include("lantoa.org.urls")),
    path("plans/", include("lantoa.plans.urls")),
    path("activities/", include("lantoa.activities.urls")),
    path(
        "i18n/setlang/",
        web_views.login_not_required_set_language(set_language),
        name="set_language",
    ),
    path("admin/", admin.site.urls),
]

handler400 = "lantoa.web.views.bad_request"
handler403 = "lantoa.web.views.permission_denied"
handler404 = "lantoa.web.views.page_not_found"
handler500 = "lantoa.web.views.server_error"
