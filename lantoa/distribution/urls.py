from django.urls import path

from lantoa.distribution import views

app_name = "distribution"
urlpatterns = [
    path("<str:token>/", views.dispatch_open, name="open"),
    path("plans/<int:pk>/send/", views.plan_send, name="plan_send"),
]
