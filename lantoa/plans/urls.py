from django.urls import path

from lantoa.plans import import_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("import/", import_views.plan_import, name="import"),
    path("import/<int:pk>/", import_views.plan_import_review, name="import_review"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/issue/", views.plan_issue, name="issue"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/docx/", views.plan_export, name="export"),
    path("<int:pk>/send/", views.plan_send, name="send"),
    path("<int:pk>/derive/", views.plan_derive, name="derive"),
    path("tasks/", views.task_list, name="task_list"),
    path("periods/", views.period_list, name="period_list"),
    path("tasks/board/", views.task_board, name="task_board"),
    path("tasks/timeline/", views.task_timeline, name="task_timeline"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/comment/", views.task_comment, name="task_comment"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("periods/<int:pk>/report/", views.occurrence_report, name="occurrence_report"),
    path("periods/<int:pk>/return/", views.occurrence_return, name="occurrence_return"),
]
