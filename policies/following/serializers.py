from rest_framework import serializers

from plumbing.api import CaucusSerializer
from policies.following.models import Follow


class FollowSerializer(CaucusSerializer):
    class Meta:
        model = Follow
        api_name = "follow"
        fields = ["url", "id", "tool", "consultation", "agreement", "position", "created_at"]
        read_only_fields = ["created_at"]

    def create(self, validated_data):
        return Follow.objects.create(user=self.context["request"].user, **validated_data)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if sum(1 for value in attrs.values() if value is not None) != 1:
            raise serializers.ValidationError("Follow exactly one of: tool, consultation, agreement, position.")
        user = self.context["request"].user
        if self.instance is None and Follow.objects.filter(user=user, **attrs).exists():
            raise serializers.ValidationError("You already follow this.")
        return attrs


class NotificationSerializer(serializers.Serializer):
    when = serializers.DateTimeField()
    text = serializers.CharField()
    about = serializers.CharField()
    web_url = serializers.SerializerMethodField()

    def get_web_url(self, note) -> str:
        return self.context["request"].build_absolute_uri(note.url)
