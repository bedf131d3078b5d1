from django.urls import path

from lantoa.activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("new/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/attendance/", views.attendance_add, name="attendance_add"),
    path("<int:pk>/attendance/import/", views.attendance_import, name="attendance_import"),
    path("<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("<int:pk>/checkin/open/", views.checkin_open, name="checkin_open"),
    path("<int:pk>/checkin/close/", views.checkin_close, name="checkin_close"),
    path(
        "<int:pk>/attendance/<int:person_pk>/remove/",
        views.attendance_remove,
        name="attendance_remove",
    ),
]
