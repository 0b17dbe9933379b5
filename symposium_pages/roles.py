"""Who does what in the editorial workflow: groups, the workflow's tasks and their rights.

Plain data, no model imports: the data migration, the set-up code and the
derived status all read it. Each part (a group, the workflow, a task) has a key
and the name `migrate` gives it. Names are data (Wagtail shows them as they are
stored), so they are written in Vietnamese, the language of the newsrooms that
use the add-on. The add-on remembers which group, workflow and task plays each
part (`EditorialRole`), so administrators may rename them in the admin.
"""

EDITORS = "editors"
REVIEWERS = "reviewers"
MODERATORS = "moderators"
OFFICE = "office"

GROUPS = (EDITORS, REVIEWERS, MODERATORS, OFFICE)

WORKFLOW = "workflow"
VETTING_TASK = "vetting"
RELEASE_TASK = "release"

# The name each part is made with.
NAMES = {
    EDITORS: "Biên tập viên",
    REVIEWERS: "Thẩm định",
    MODERATORS: "Kiểm duyệt",
    OFFICE: "Văn phòng",
    WORKFLOW: "Duyệt tham luận",
    VETTING_TASK: "Thẩm định nội dung",
    RELEASE_TASK: "Kiểm duyệt phát hành",
}

# The workflow's tasks in order, each with the group that performs it.
TASKS = ((VETTING_TASK, REVIEWERS), (RELEASE_TASK, MODERATORS))

# Rights on each symposium page and everything under it (papers, the units page).
# Editors add and change but cannot publish; reviewers change; moderators publish.
PAGE_PERMISSIONS = {
    EDITORS: ("add", "change"),
    REVIEWERS: ("change",),
    MODERATORS: ("change", "publish", "lock", "unlock"),
}

# Model-level rights: (app label, model, codename).
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")
_VIEW_UNITS = (
    ("symposium_pages", "unit", "view_unit"),
    ("symposium_pages", "invitation", "view_invitation"),
)
# Editors answer the units' questions (only a unit asks) and see the reminders.
DESK_PERMISSIONS = (
    ("symposium_pages", "deskquestion", "change_deskquestion"),
    ("symposium_pages", "deskquestion", "view_deskquestion"),
    ("symposium_pages", "deskreminder", "view_deskreminder"),
)
# The Office's budget (models/budget.py): the Office and the moderators change it, approve
# the estimate and settle it; editors read it. No group adds or deletes one: there is one
# per symposium, made with it (budget_rights.py refuses the rest at every door).
BUDGET_READ = (("symposium_pages", "symposiumbudget", "view_symposiumbudget"),)
BUDGET_PERMISSIONS = (
    *BUDGET_READ,
    *(
        ("symposium_pages", "symposiumbudget", f"{action}_symposiumbudget")
        for action in ("change", "approve", "settle")
    ),
)
# The symposium's vetting criteria: editors and moderators change them, reviewers read.
VETTING_CRITERIA_PERMISSIONS = tuple(
    ("symposium_pages", "vettingcriterion", f"{action}_vettingcriterion")
    for action in ("add", "change", "delete", "view")
)
VIEW_CRITERIA = (("symposium_pages", "vettingcriterion", "view_vettingcriterion"),)
MODEL_PERMISSIONS = {
    EDITORS: (
        ADMIN_ACCESS,
        *DESK_PERMISSIONS,
        *VETTING_CRITERIA_PERMISSIONS,
        *BUDGET_READ,
        *(
            ("symposium_pages", model, f"{action}_{model}")
            for model in ("unit", "invitation")
            for action in ("add", "change", "delete", "view")
        ),
    ),
    REVIEWERS: (ADMIN_ACCESS, *_VIEW_UNITS, *VIEW_CRITERIA),
    MODERATORS: (ADMIN_ACCESS, *_VIEW_UNITS, *BUDGET_PERMISSIONS, *VETTING_CRITERIA_PERMISSIONS),
    OFFICE: (ADMIN_ACCESS, *_VIEW_UNITS, *BUDGET_PERMISSIONS),
}

# Rights in the add-on's collections: (app label, model, codename) by group.
ORIGINALS_PERMISSIONS = {
    EDITORS: (
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ),
    REVIEWERS: (("wagtaildocs", "document", "choose_document"),),
    MODERATORS: (("wagtaildocs", "document", "choose_document"),),
}
IMAGES_PERMISSIONS = {
    EDITORS: (
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
    ),
    REVIEWERS: (("wagtailimages", "image", "choose_image"),),
    MODERATORS: (("wagtailimages", "image", "choose_image"),),
}

# Who may download the originals as received (besides superusers).
ORIGINALS_READERS = (EDITORS, REVIEWERS, MODERATORS)

# The budget's supporting documents (invoices, receipts, contracts), in their own private
# collection: the Office and the moderators upload them, the editors may read them.
_BUDGET_DOCUMENTS_EDIT = (
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
)
BUDGET_DOCUMENTS_PERMISSIONS = {
    OFFICE: _BUDGET_DOCUMENTS_EDIT,
    MODERATORS: _BUDGET_DOCUMENTS_EDIT,
}
BUDGET_DOCUMENTS_READERS = (OFFICE, MODERATORS, EDITORS)
