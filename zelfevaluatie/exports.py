"""The whole round as plain data, for the PDF, the CSV and the JSON export (uses round_full's prefetches)."""

import io

from django.utils.translation import gettext as _

from competentie.safecsv import safe_writer

from .blindness import Visibility
from .models import display_name
from .selectors import QuestionSets


def round_data(round, questions: QuestionSets, *, visibility: Visibility) -> dict:
    """Only what this reader may see: colleagues' judgements follow the blindness rule (blindness.py)."""
    answers = list(round.answers.all())
    conclusions = {c.profile_id: c for c in round.conclusions.all()}
    step1_ids = {q.pk for q in questions.self_evaluation}
    profiles = []
    for rp in round.round_profiles.all():
        conclusion = conclusions.get(rp.profile_id)
        ratings = []
        for participant in round.participants.all():
            rating = next((r for r in participant.ratings.all() if r.profile_id == rp.profile_id), None)
            if rating is not None and visibility.shows(participant.pk, rp.profile_id):
                ratings.append(
                    {
                        "participant": display_name(participant.user),
                        "score": rating.score,
                        "justification": rating.justification,
                        "handed_in": rating.submitted_at is not None,
                    }
                )
        profiles.append(
            {
                "name": rp.profile.name,
                "code": rp.profile.code,
                "fingerprint": rp.fingerprint,
                "agreed_score": conclusion.agreed_score if conclusion else None,
                "justification": conclusion.justification if conclusion else "",
                "ratings": ratings,
                "handed_in_by": [
                    display_name(p.user)
                    for p in round.participants.all()
                    if p.pk in visibility.handed_in.get(rp.profile_id, set())
                ],
                "hulpvragen": [
                    {
                        "question": question.text,
                        "answers": [
                            {"participant": display_name(a.participant.user), "text": a.text}
                            for a in answers
                            if a.question_id == question.pk
                            and a.profile_id == rp.profile_id
                            and a.participant_id
                            and a.text.strip()
                            and visibility.shows(a.participant_id, rp.profile_id)
                        ],
                    }
                    for question in questions.self_evaluation
                    if question.pk in step1_ids
                ],
            }
        )
    profile_names = {rp.profile_id: rp.profile.name for rp in round.round_profiles.all()}
    team_answers = {a.question_id: a.text for a in answers if a.participant_id is None and a.profile_id is None}
    return {
        "organisation": round.organisation.name,
        "period": round.period,
        "status": round.get_status_display(),
        "framework": {"name": round.framework.name, "version": round.framework_version},
        "contact": {"name": round.contact_name, "function": round.contact_function},
        "scale": [{"value": p.value, "label": p.label, "description": p.description} for p in round.scale.points.all()],
        "previous_round": round.previous_round.period if round.previous_round else None,
        "participants": [display_name(p.user) for p in round.participants.all()],
        "profiles": profiles,
        "peer_reviews": [
            {
                "reviewer": display_name(review.reviewer),
                "organisation": review.organisation.name,
                "notes": [
                    {"question": note.question.text, "text": note.text}
                    for note in sorted(review.notes.all(), key=lambda n: n.question.order)
                    if note.text.strip()
                ],
                "suggestions": [
                    {"profile": profile_names.get(s.profile_id, ""), "text": s.text}
                    for s in review.suggestions.all()
                    if s.text.strip()
                ],
                "host_notes": review.host_notes,
            }
            for review in round.peer_reviews.all()
        ],
        "conclusions": [
            {"question": question.text, "answer": team_answers.get(question.pk, "")}
            for question in questions.conclusions
        ],
        "actions": [
            {
                "profile": action.profile.name if action.profile else None,
                "what": action.what,
                "measure": action.measure,
                "owner": action.owner,
                "deadline": action.deadline.isoformat(),
                "status": action.get_status_display(),
                "carried_from": action.carried_from.round.period if action.carried_from else None,
            }
            for action in round.actions.all()
        ],
    }


CSV_HEADER = ["onderdeel", "profiel", "vraag", "persoon", "score", "tekst", "eigenaar", "deadline", "status"]


def round_csv(data: dict) -> str:
    """One row per score, note, conclusion and action; Excel opens it with the BOM and semicolons."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = safe_writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    writer.writerow([_("Scoreformulier"), "", _("Naam organisatie"), "", "", data["organisation"], "", "", ""])
    writer.writerow([_("Scoreformulier"), "", _("Periode"), "", "", data["period"], "", "", ""])
    contact = ", ".join(part for part in [data["contact"]["name"], data["contact"]["function"]] if part)
    writer.writerow([_("Scoreformulier"), "", _("Naam/functie contactpersoon"), "", "", contact, "", "", ""])
    for profile in data["profiles"]:
        writer.writerow(
            [
                _("Afgesproken score"),
                profile["name"],
                "",
                "",
                profile["agreed_score"] or "",
                profile["justification"],
                "",
                "",
                "",
            ]
        )
        for rating in profile["ratings"]:
            writer.writerow(
                [
                    _("Individuele score"),
                    profile["name"],
                    "",
                    rating["participant"],
                    rating["score"] or "",
                    rating["justification"],
                    "",
                    "",
                    "",
                ]
            )
        for item in profile["hulpvragen"]:
            for answer in item["answers"]:
                writer.writerow(
                    [
                        _("Hulpvraag"),
                        profile["name"],
                        item["question"],
                        answer["participant"],
                        "",
                        answer["text"],
                        "",
                        "",
                        "",
                    ]
                )
    for review in data["peer_reviews"]:
        for note in review["notes"]:
            writer.writerow(
                [
                    _("Collegiale toetsing"),
                    "",
                    note["question"],
                    f"{review['reviewer']} ({review['organisation']})",
                    "",
                    note["text"],
                    "",
                    "",
                    "",
                ]
            )
        for suggestion in review["suggestions"]:
            writer.writerow(
                [
                    _("Collegiale toetsing"),
                    suggestion["profile"],
                    _("Suggesties"),
                    f"{review['reviewer']} ({review['organisation']})",
                    "",
                    suggestion["text"],
                    "",
                    "",
                    "",
                ]
            )
        if review["host_notes"].strip():
            writer.writerow(
                [
                    _("Collegiale toetsing"),
                    "",
                    _("Aantekeningen van de eigen organisatie"),
                    f"{review['reviewer']} ({review['organisation']})",
                    "",
                    review["host_notes"],
                    "",
                    "",
                    "",
                ]
            )
    for conclusion in data["conclusions"]:
        writer.writerow([_("Conclusies"), "", conclusion["question"], "", "", conclusion["answer"], "", "", ""])
    for action in data["actions"]:
        writer.writerow(
            [
                _("Actieplan"),
                action["profile"] or _("Overkoepelend"),
                action["what"],
                "",
                "",
                action["measure"],
                action["owner"],
                action["deadline"],
                action["status"],
            ]
        )
    return out.getvalue()
