"""The seven categories of invited units, in the order the plan names them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitCategory(models.TextChoices):
    THAM_MUU = "tham_muu", _("Advisory and assisting agencies of the Provincial Party Committee")
    BAN_CAN_SU = "ban_can_su", _("Party executive committees")
    DANG_DOAN = "dang_doan", _("Party delegations")
    TINH_DOAN = "tinh_doan", _("Standing Committee of the Provincial Youth Union")
    HUYEN_UY = "huyen_uy", _("District, town and city Party committees")
    DANG_UY_TRUC_THUOC = (
        "dang_uy_truc_thuoc",
        _("Party committees directly under the Provincial Committee"),
    )
    CO_SO = "co_so", _("Grassroots Party organisations")


# Position of each key in the plan's order, for sorting lists grouped by category.
CATEGORY_ORDER = {key: position for position, key in enumerate(UnitCategory.values)}

# The Vietnamese labels as plans and spreadsheets write them, for imports.
VIETNAMESE_LABELS = {
    "tham_muu": "Cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
    "ban_can_su": "Ban cán sự đảng",
    "dang_doan": "Đảng đoàn",
    "tinh_doan": "Ban Thường vụ Tỉnh đoàn",
    "huyen_uy": "Huyện ủy, thị ủy, thành ủy",
    "dang_uy_truc_thuoc": "Đảng ủy trực thuộc Tỉnh ủy",
    "co_so": "Tổ chức đảng ở cơ sở",
}
