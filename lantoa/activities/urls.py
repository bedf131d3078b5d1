from django.urls import path

from lantoa.activities import co_organising_views, views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("new/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edit/", views.activity_edit, name="edit"),
    path("<int:pk>/delete/", views.activity_delete, name="delete"),
    path("<int:pk>/restore/", views.activity_restore, name="restore"),
    path("<int:pk>/leave/", co_organising_views.co_organising_leave, name="co_organising_leave"),
    path("invitations/", co_organising_views.invitation_list, name="invitations"),
    path("invitations/<int:pk>/", co_organising_views.invitation_answer, name="invitation"),
    path("deleted/", views.deleted_list, name="deleted"),
    path("attendance/<int:pk>/restore/", views.attendance_restore, name="attendance_restore"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("evidence/<int:pk>/restore/", views.evidence_restore, name="evidence_restore"),
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
