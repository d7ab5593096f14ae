//! The WeCom robot against a robot on loopback: messages written with the
//! post and sent by the worker's pass (also from another instance, as after
//! a restart), refusals logged and retried, the admin's test message, and
//! the URL checks.

use super::wecom::{self, Robot};
use super::*;
use crate::error::AppError;
use crate::pricing::inquiry_hall::service::send;
use crate::webhook::client::WebhookClient;
use crate::ErrorKey;

async fn with_robot(w: &World) -> (Robot, String) {
    let robot = Robot::default();
    let url = wecom::start(robot.clone()).await;
    let input = InquirySettingsForSave {
        sla_minutes: 45,
        robot_url: Some(url.clone()),
    };
    service::save_inquiry_settings(&w.state, &w.admin, &input)
        .await
        .unwrap();
    (robot, url)
}

fn client(w: &World) -> WebhookClient {
    WebhookClient::new(&w.state.config).unwrap()
}

async fn statuses(w: &World) -> Vec<(RobotMessageStatus, i64, Option<String>)> {
    let s = service::get_inquiry_settings(&w.state, &w.admin)
        .await
        .unwrap();
    s.recent_messages
        .into_iter()
        .map(|m| (m.status, m.attempts, m.last_error))
        .collect()
}

#[tokio::test]
async fn a_post_tells_the_sales_group_through_the_robot_once_one_is_set() {
    let w = world().await;
    w.post(&w.alice, "300kg 深圳到美国 ONT8").await;
    let (robot, _) = with_robot(&w).await;
    let clear = w.post(&w.alice, "300kg 2方 深圳到美国FBA ONT8 海派").await;
    let vague = w.post(&w.alice, "有货要走，帮忙报价").await;
    // Another instance on the same database, as after a restart.
    let url = w.state.db.connect_options().database_url.to_string();
    let mut other = AppState::new(
        crate::db::connect(&url).await.unwrap(),
        (*w.state.config).clone(),
    );
    other.clock = w.state.clock.clone();

    let queued = statuses(&w).await;
    let sent = send::deliver_due(&other, &client(&w)).await.unwrap();
    let again = send::deliver_due(&w.state, &client(&w)).await.unwrap();

    assert_eq!(
        queued.len(),
        2,
        "none for the post before the robot was set"
    );
    assert!(queued
        .iter()
        .all(|(s, _, _)| *s == RobotMessageStatus::Pending));
    assert_eq!((sent, again), (2, 0));
    let got = robot.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, "693a91f6-test");
    assert_eq!(got[0].1["msgtype"], "markdown");
    let first = got[0].1["markdown"]["content"].as_str().unwrap();
    let second = got[1].1["markdown"]["content"].as_str().unwrap();
    assert!(first.contains(&clear.number), "{first}");
    assert!(first.contains("深圳星辰"));
    assert!(first.contains("45 分钟"));
    assert!(!first.contains("人工确认"));
    assert!(
        second.contains(&vague.number) && second.contains("人工确认"),
        "{second}"
    );
    let done = statuses(&w).await;
    assert!(done
        .iter()
        .all(|(s, n, e)| *s == RobotMessageStatus::Sent && *n == 1 && e.is_none()));
}

#[tokio::test]
async fn a_refusal_is_logged_and_retried_after_a_wait() {
    let w = world().await;
    let (robot, _) = with_robot(&w).await;
    robot.refuse_next(93000);
    w.post(&w.alice, "300kg 深圳到美国 ONT8").await;

    let first = send::deliver_due(&w.state, &client(&w)).await.unwrap();
    let logged = statuses(&w).await;
    let too_soon = send::deliver_due(&w.state, &client(&w)).await.unwrap();
    w.state.clock.advance(send::FIRST_RETRY_MS);
    let retried = send::deliver_due(&w.state, &client(&w)).await.unwrap();

    assert_eq!((first, too_soon, retried), (1, 0, 1));
    let (status, attempts, error) = &logged[0];
    assert_eq!((*status, *attempts), (RobotMessageStatus::Pending, 1));
    let error = error.as_deref().unwrap();
    assert!(
        error.starts_with("errcode 93000: invalid webhook url"),
        "{error}"
    );
    assert_eq!(robot.received().len(), 2);
    assert_eq!(statuses(&w).await[0].0, RobotMessageStatus::Sent);
    assert_eq!(statuses(&w).await[0].1, 2);
}

#[tokio::test]
async fn a_message_the_robot_keeps_refusing_fails_after_the_last_attempt() {
    let w = world().await;
    let (robot, _) = with_robot(&w).await;
    for _ in 0..send::MAX_ATTEMPTS {
        robot.refuse_next(45009);
    }
    w.post(&w.alice, "300kg 深圳到美国 ONT8").await;

    for _ in 0..send::MAX_ATTEMPTS {
        assert_eq!(send::deliver_due(&w.state, &client(&w)).await.unwrap(), 1);
        w.state.clock.advance(send::FIRST_RETRY_MS << 10);
    }
    let after = send::deliver_due(&w.state, &client(&w)).await.unwrap();

    assert_eq!(after, 0);
    let (status, attempts, _) = statuses(&w).await.remove(0);
    assert_eq!(
        (status, attempts),
        (RobotMessageStatus::Failed, send::MAX_ATTEMPTS)
    );
}

#[tokio::test]
async fn the_admins_test_message_reports_the_robots_answer() {
    let w = world().await;
    let (robot, url) = with_robot(&w).await;
    let keyless = url.replace("key=693a91f6-test", "key=%20");

    let ok = service::send_robot_test(&w.state, &w.admin, None)
        .await
        .unwrap();
    robot.refuse_next(93000);
    let refused = service::send_robot_test(&w.state, &w.admin, Some(&url))
        .await
        .unwrap();
    let bad_shape = service::send_robot_test(&w.state, &w.admin, Some(&keyless)).await;
    let by_sales = service::send_robot_test(&w.state, &w.sales, None).await;

    assert!(ok.ok, "{ok:?}");
    assert_eq!(ok.errcode, Some(0));
    assert_eq!(ok.errmsg, "ok");
    assert!(!refused.ok);
    assert_eq!(refused.errcode, Some(93000));
    assert_eq!(
        bad_shape.unwrap_err(),
        AppError::validation("robot_url", ErrorKey::RobotUrlInvalid)
    );
    assert_eq!(by_sales.unwrap_err(), AppError::Forbidden);
    let got = robot.received();
    assert_eq!(got.len(), 2);
    let content = got[0].1["markdown"]["content"].as_str().unwrap();
    assert!(
        content.contains("测试消息") && content.contains("root name"),
        "{content}"
    );
}

#[tokio::test]
async fn robot_urls_pass_the_webhooks_address_checks() {
    let w = world().await;
    let save = |url: &str| {
        let input = InquirySettingsForSave {
            sla_minutes: 30,
            robot_url: Some(url.into()),
        };
        let (state, admin) = (w.state.clone(), w.admin.clone());
        async move { service::save_inquiry_settings(&state, &admin, &input).await }
    };

    let private = save("http://10.0.0.5/cgi-bin/webhook/send?key=k").await;
    let metadata = save("http://169.254.169.254/cgi-bin/webhook/send?key=k").await;
    let public = save("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k").await;
    let zero_sla = service::save_inquiry_settings(
        &w.state,
        &w.admin,
        &InquirySettingsForSave {
            sla_minutes: 0,
            robot_url: None,
        },
    )
    .await;
    let off = service::save_inquiry_settings(
        &w.state,
        &w.admin,
        &InquirySettingsForSave {
            sla_minutes: 30,
            robot_url: Some(" ".into()),
        },
    )
    .await
    .unwrap();
    let unset = service::send_robot_test(&w.state, &w.admin, None).await;

    let forbidden = AppError::validation("robot_url", ErrorKey::WebhookUrlForbidden);
    assert_eq!(private.unwrap_err(), forbidden);
    assert_eq!(metadata.unwrap_err(), forbidden);
    assert_eq!(
        public.unwrap().robot_url.as_deref(),
        Some("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")
    );
    assert_eq!(
        zero_sla.unwrap_err(),
        AppError::validation("sla_minutes", ErrorKey::InquirySlaInvalid)
    );
    assert_eq!(off.robot_url, None);
    assert_eq!(
        unset.unwrap_err(),
        AppError::validation("robot_url", ErrorKey::RobotNotConfigured)
    );
}
