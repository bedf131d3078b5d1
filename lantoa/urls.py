from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from lantoa.activities import views as activity_views

admin.site.site_header = "Lan Tỏa — quản trị"
admin.site.site_title = "Lan Tỏa"

urlpatterns = [
    path("", include("lantoa.web.urls")),
    path("accounts/", include("lantoa.accounts.urls")),
    path("org/", include("lantoa.org.urls")),
    path("plans/", include("lantoa.plans.urls")),
    path("activities/", include("lantoa.activities.urls")),
    path("targets/", include("lantoa.indicators.urls")),
    path("reports/", include("lantoa.reporting.urls")),
    path("d/", include("lantoa.dispatch.urls")),
    path("checkin/<str:token>/", activity_views.checkin, name="checkin"),
    path(
        "i18n/setlang/",
        login_not_required(set_language),  # the language switch works on the login page too
        name="set_language",
    ),
    path("admin/", admin.site.urls),
]

handler400 = "lantoa.web.views.bad_request"
handler403 = "lantoa.web.views.permission_denied"
handler404 = "lantoa.web.views.page_not_found"
handler500 = "lantoa.web.views.server_error"
