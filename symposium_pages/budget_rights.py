"""Who may do what with a symposium's budget: one policy, asked by every door.

The admin's views (the viewset's list, edit, history, approve and settle), the
model's own `approve` and `settle`, and any command that calls them ask this
policy, so hiding a button is never the only guard. Rights come from the groups'
model permissions (roles.BUDGET_PERMISSIONS): the Office and the moderators
change, approve and settle; editors view. Nobody adds or deletes a budget in
the admin: there is one per symposium, made with it. A settled budget is closed:
no one changes it any more.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import SymposiumBudget

NEVER = ("add", "delete", "copy")


class BudgetPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in NEVER and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "approve") and instance.is_settled:
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        queryset = self.model.objects.all()
        if action in ("change", "approve"):
            queryset = queryset.exclude(status=SymposiumBudget.Status.SETTLED)
        return queryset

    def instances_user_has_any_permission_for(self, user, actions):
        querysets = [self.instances_user_has_permission_for(user, action) for action in actions]
        result = self.model.objects.none()
        for queryset in querysets:
            result = result | queryset
        return result


budget_policy = BudgetPermissionPolicy(SymposiumBudget)


def can_read(user):
    return budget_policy.user_has_any_permission(user, ("view", "change"))


def can_change(user, budget):
    return budget_policy.user_has_permission_for_instance(user, "change", budget)
