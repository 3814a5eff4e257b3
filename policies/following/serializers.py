from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from plumbing.api import CaucusSerializer
from policies.following.models import TARGETS, Follow, followed_by_default, set_following


class FollowSerializer(CaucusSerializer):
    class Meta:
        model = Follow
        api_name = "follow"
        fields = ["url", "id", "tool", "consultation", "agreement", "position", "muted", "created_at"]
        read_only_fields = ["created_at"]
        extra_kwargs = {
            "muted": {
                "help_text": _(
                    "True to stop following one of your union's open consultations, which officers "
                    "follow without asking."
                )
            }
        }

    def create(self, validated_data):
        user = self.context["request"].user
        muted = validated_data.pop("muted", False)
        (kind, record), *_others = validated_data.items()
        set_following(user, kind, record, not muted)
        return Follow.objects.get(user=user, **{kind: record})

    def validate(self, attrs):
        attrs = super().validate(attrs)
        targets = {name: value for name, value in attrs.items() if name in TARGETS and value is not None}
        if len(targets) != 1:
            raise serializers.ValidationError(
                # Translators: the four words after the colon name fields of the API: keep them in English.
                gettext("Follow exactly one of: tool, consultation, agreement, position.")
            )
        user = self.context["request"].user
        (kind, record), *_others = targets.items()
        muted = attrs.get("muted", False)
        if muted and not (kind == "consultation" and followed_by_default(user, record)):
            raise serializers.ValidationError(
                {
                    "muted": gettext(
                        "Only an open consultation of a union you are an officer of is followed without asking."
                    )
                }
            )
        if self.instance is None and Follow.objects.filter(user=user, muted=muted, **targets).exists():
            raise serializers.ValidationError(
                gettext("You already follow this.") if not muted else gettext("This is already muted.")
            )
        return {**targets, "muted": muted}


class NotificationSerializer(serializers.Serializer):
    when = serializers.DateTimeField()
    text = serializers.CharField()
    about = serializers.CharField()
    web_url = serializers.SerializerMethodField()

    def get_web_url(self, note) -> str:
        return self.context["request"].build_absolute_uri(note.url)
