from django.urls import path

from lantoa.indicators import views

app_name = "indicators"
urlpatterns = [
    path("<int:pk>/", views.target_detail, name="detail"),
    path("<int:pk>/edit/", views.indicator_edit, name="edit"),
    path("<int:pk>/values/", views.manual_value_add, name="value_add"),
    path("values/<int:pk>/approve/", views.manual_value_approve, name="value_approve"),
    path("values/<int:pk>/", views.manual_value_file, name="evidence"),
]
