"""A participant's plan becomes their one POP in the shared people app (competentie/people).

Every plan line moves: the participant's employee record in the programme's organisation is found or
made (named after the account), its development plan is made, and each line becomes a goal for the same
competency with the same goal and actions text. When one person wrote a line for the same competency in
two cohorts, both texts are kept in the one goal, one below the other. Then the old table goes.
Going back copies the goals of the programme's competencies back to each participant.
"""

from django.db import migrations


def _name(user) -> str:
    full = f"{user.first_name} {user.last_name}".strip()
    return full or user.username


def _joined(old: str, new: str) -> str:
    old, new = old.strip(), new.strip()
    if not old or old == new:
        return new
    if not new:
        return old
    return f"{old}\n\n{new}"


def forward(apps, schema_editor):
    OldGoal = apps.get_model("ontwikkeling", "PlanGoal")
    Employee = apps.get_model("people", "Employee")
    DevelopmentPlan = apps.get_model("people", "DevelopmentPlan")
    Goal = apps.get_model("people", "PlanGoal")
    lines = OldGoal.objects.select_related("participant__user", "participant__cohort__programme").order_by("pk")
    for line in lines.iterator():
        participant = line.participant
        if participant.user_id is None:
            continue  # an anonymised participant keeps no plan (privacy.py deletes it when anonymising)
        organisation_id = participant.cohort.programme.organisation_id
        employee = Employee.objects.filter(organisation_id=organisation_id, user_id=participant.user_id).first()
        if employee is None:
            employee = Employee.objects.create(
                organisation_id=organisation_id,
                user_id=participant.user_id,
                name=_name(participant.user),
                email=participant.user.email,
            )
        plan, _created = DevelopmentPlan.objects.get_or_create(employee=employee)
        goal = Goal.objects.filter(plan=plan, competency_id=line.competency_id).first()
        if goal is None:
            Goal.objects.create(plan=plan, competency_id=line.competency_id, goal=line.goal, actions=line.actions)
        else:
            goal.goal = _joined(goal.goal, line.goal)
            goal.actions = _joined(goal.actions, line.actions)
            goal.save(update_fields=["goal", "actions"])


def backward(apps, schema_editor):
    OldGoal = apps.get_model("ontwikkeling", "PlanGoal")
    Participant = apps.get_model("ontwikkeling", "Participant")
    Goal = apps.get_model("people", "PlanGoal")
    participants = Participant.objects.filter(user__isnull=False).select_related("cohort__programme")
    for participant in participants.iterator():
        programme = participant.cohort.programme
        goals = Goal.objects.filter(
            plan__employee__organisation_id=programme.organisation_id,
            plan__employee__user_id=participant.user_id,
            competency__framework_id=programme.framework_id,
        )
        for goal in goals:
            OldGoal.objects.get_or_create(
                participant=participant,
                competency_id=goal.competency_id,
                defaults={"goal": goal.goal, "actions": goal.actions},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("ontwikkeling", "0004_follow_up_windows_removal"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="PlanGoal"),
    ]
