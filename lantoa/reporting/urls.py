from django.urls import path

from lantoa.reporting import signing_views, views

app_name = "reporting"
urlpatterns = [
    path("", views.report_index, name="index"),
    path("open/", views.report_open, name="open"),
    path("reviews/open/", views.review_open, name="review_open"),
    path("completeness/", views.completeness, name="completeness"),
    path("province/", views.province, name="province"),
    path("rules/", views.rule_list, name="rules"),
    path("evaluation/", views.evaluation, name="evaluation"),
    path("evaluation/criteria/", views.criterion_save, name="criterion_save"),
    path("evaluation/criteria/delete/", views.criterion_delete, name="criterion_delete"),
    path("rules/<int:pk>/", views.rule_edit, name="rule_edit"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/save/", views.report_save, name="save"),
    path("<int:pk>/submit/", views.report_submit, name="submit"),
    path("<int:pk>/gather/", views.report_gather, name="gather"),
    path("<int:pk>/decide/", views.report_decide, name="decide"),
    path(
        "<int:pk>/request-signature/",
        signing_views.report_request_signature,
        name="request_signature",
    ),
    path("<int:pk>/withdraw/", signing_views.report_withdraw, name="withdraw"),
    path("<int:pk>/send-back/", signing_views.report_send_back, name="send_back"),
    path("<int:pk>/issue/", signing_views.report_issue, name="issue"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/download.<str:fmt>", views.report_download, name="download"),
]
