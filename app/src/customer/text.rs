//! Text of customer companies and their members (admin pages and the
//! customers' own views), with the customer core's validation errors.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // member.*
    MEMBER_DISABLED = "该客户账号已停用", "This customer's account is disabled";

    // customers.*
    TITLE = "客户管理", "Customers";
    NEW = "新建客户", "New customer";
    SEARCH = "搜索公司名称、客户编码或成员手机号", "Search by name, code or member phone";
    NAME = "公司名称", "Company name";
    CODE = "客户编码", "Customer code";
    CODE_HINT = "留空自动生成", "Leave empty to generate";
    OWNER = "归属销售", "Owner salesperson";
    NO_OWNER = "未分配", "Unassigned";
    CERTIFICATION = "企业认证", "Certification";
    ALL_CERTIFICATIONS = "全部认证状态", "Any certification";
    MEMBERS = "成员", "Members";
    NO_MEMBERS = "还没有成员，在下方添加第一位", "No members yet: add the first one below";
    CONFIRM_DISABLE_MEMBER = "确定停用该成员？停用后立即无法登录。", "Disable this member? They are signed out at once.";
    MEMBER_COUNT = "成员数", "Members";
    CONTACT_NAME = "联系人", "Contact";
    CONTACT_PHONE = "联系电话", "Contact phone";
    ADDRESS = "地址", "Address";
    ADD_MEMBER = "添加成员", "Add member";
    MEMBER_NAME = "成员姓名", "Member name";
    BACK = "返回客户列表", "Back to customers";
    CHANGE_OWNER = "更换归属销售", "Change owner";
    EDIT = "编辑资料", "Edit profile";

    // cert.*
    CERT_NONE = "未认证", "Not certified";
    CERT_PENDING = "认证中", "Pending";
    CERT_CERTIFIED = "已认证", "Certified";
    CERT_REJECTED = "认证未通过", "Rejected";

    // me.*
    ME_TITLE = "我的", "Me";
    ME_MEMBERS = "公司成员", "Company members";

    // company_name.*
    COMPANY_NAME_REQUIRED = "请输入公司名称", "Enter the company name";
    COMPANY_NAME_TOO_SHORT = "公司名称至少 2 个字", "At least 2 characters";
    COMPANY_NAME_TOO_LONG = "公司名称最多 100 个字", "At most 100 characters";

    // customer_code.*
    CUSTOMER_CODE_INVALID = "客户编码为 3–20 位字母或数字", "3–20 letters or digits";
    CUSTOMER_CODE_TAKEN = "客户编码已存在", "This customer code exists already";

    // certification.*
    CERTIFICATION_INVALID = "认证状态无效", "Unknown certification status";

    // owner.*
    OWNER_NOT_SALES = "归属人必须是在职销售", "The owner must be an active salesperson";
}

/// After a company was created.
pub fn created(name: &str) -> String {
    match lang() {
        Lang::Zh => format!("已创建公司「{name}」"),
        Lang::En => format!("Company “{name}” created"),
    }
}

/// After a member was added.
pub fn member_added(name: &str) -> String {
    match lang() {
        Lang::Zh => format!("已添加成员「{name}」"),
        Lang::En => format!("Member “{name}” added"),
    }
}
