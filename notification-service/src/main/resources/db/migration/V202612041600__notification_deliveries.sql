-- Recipients: this service's copy of the users (auth-service's events), with their own preferences.
create table recipients
(
    user_id            uuid         not null primary key,
    username           varchar(100) not null,
    email              varchar(254),
    phone              varchar(20),
    display_name       varchar(200),
    role               varchar(16)  not null,
    jurisdiction_level varchar(8)   not null,
    jurisdiction_code  varchar(16)  not null,
    language           varchar(2)   not null default 'en',
    status             varchar(20)  not null,
    -- the newest auth event applied: an older one arriving later changes nothing
    occurred_at        timestamp with time zone not null,
    -- preferences: channels, quiet hours (India time) and a digest for INFO and WARNING
    email_enabled      boolean      not null default true,
    sms_enabled        boolean      not null default true,
    in_app_enabled     boolean      not null default true,
    quiet_from         time,
    quiet_until        time,
    digest             varchar(8)   not null default 'NONE',
    updated_at         timestamp with time zone not null default now(),
    constraint recipients_username unique (username),
    constraint recipients_language check (language in ('en', 'ta')),
    constraint recipients_digest check (digest in ('NONE', 'HOURLY', 'DAILY')),
    constraint recipients_quiet_hours check ((quiet_from is null) = (quiet_until is null))
);
create index recipients_by_jurisdiction on recipients (jurisdiction_level, jurisdiction_code);

-- One message to one recipient: what happened (template code, severity, the values of its placeholders).
create table notifications
(
    id           uuid         not null primary key,
    user_id      uuid         not null,
    username     varchar(100) not null,
    code         varchar(64)  not null,
    severity     varchar(8)   not null,
    -- what it is about (an alert, a release, a report, a broadcast, a user) and the event that caused it
    subject_ref  varchar(64),
    event_id     uuid         not null,
    params       jsonb        not null,
    read_at      timestamp with time zone,
    created_at   timestamp with time zone not null,
    constraint notifications_severity check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    -- one message per event and recipient: a redelivered event records nothing new
    constraint notifications_event_user unique (event_id, user_id)
);
create index notifications_by_user on notifications (user_id, created_at desc);
create index notifications_by_subject on notifications (subject_ref);

-- One channel of a message: rendered in the recipient's language when it was recorded, then sent by the sender
-- job. The key (event, recipient, channel) is unique: a redelivered event or a second consumer records nothing twice.
create table deliveries
(
    id              uuid         not null primary key,
    notification_id uuid         not null references notifications (id),
    channel         varchar(8)   not null,
    address         varchar(254),
    language        varchar(2)   not null,
    subject         varchar(300),
    body            text         not null,
    idempotency_key varchar(200) not null,
    -- HELD (for a digest), PENDING (due at due_at), SENDING (claimed until lease_until), SENT, FAILED, DIGESTED
    status          varchar(10)  not null,
    due_at          timestamp with time zone not null,
    attempts        integer      not null default 0,
    lease_until     timestamp with time zone,
    last_error      text,
    sms_parts       integer,
    sent_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint deliveries_idempotency_key unique (idempotency_key),
    constraint deliveries_channel check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    constraint deliveries_status check (status in ('HELD', 'PENDING', 'SENDING', 'SENT', 'FAILED', 'DIGESTED'))
);
create index deliveries_due on deliveries (due_at) where status in ('PENDING', 'SENDING');
create index deliveries_held on deliveries (notification_id) where status = 'HELD';
create index deliveries_by_notification on deliveries (notification_id);

-- The delivery log: every attempt of every delivery and how it ended.
create table delivery_attempts
(
    delivery_id  uuid         not null references deliveries (id),
    attempt      integer      not null,
    attempted_at timestamp with time zone not null,
    outcome      varchar(10)  not null,
    detail       text,
    constraint delivery_attempts_pkey primary key (delivery_id, attempt),
    constraint delivery_attempts_outcome check (outcome in ('SENT', 'RETRY', 'FAILED'))
);

-- Templates of the new kinds, short enough for one SMS part where they are SMS.
insert into notification_templates (code, channel, language, subject, body)
values
('alert.escalated', 'EMAIL', 'en', '[{{severity}}] Escalated to you: {{title}}',
 'An alert that was not acknowledged in time has been escalated to you ({{scope}}).

{{title}}
{{message}}

Severity: {{severity}}

MDM Twin, PM POSHAN'),
('alert.escalated', 'EMAIL', 'ta', '[{{severity}}] உங்களுக்கு உயர்த்தப்பட்டது: {{title}}',
 'உரிய நேரத்தில் ஒப்புகை அளிக்கப்படாத ஓர் எச்சரிக்கை உங்களுக்கு ({{scope}}) உயர்த்தப்பட்டுள்ளது.

{{title}}
{{message}}

தீவிர நிலை: {{severity}}

MDM Twin, பிஎம் போஷண்'),
('alert.escalated', 'SMS', 'en', null, 'MDM Twin: alert escalated to {{scope}}: {{title}}'),
('alert.escalated', 'SMS', 'ta', null, 'MDM Twin: {{scope}}-க்கு உயர்த்தப்பட்டது: {{title}}'),
('alert.escalated', 'IN_APP', 'en', 'Escalated: {{title}}', '{{message}} ({{scope}}, severity {{severity}})'),
('alert.escalated', 'IN_APP', 'ta', 'உயர்த்தப்பட்டது: {{title}}', '{{message}} ({{scope}}, தீவிர நிலை {{severity}})'),

('report.ready', 'EMAIL', 'en', 'Your report is ready: {{reportType}}',
 'The report {{reportType}} ({{format}}) you asked for is ready to download:
{{downloadLink}}

MDM Twin, PM POSHAN'),
('report.ready', 'EMAIL', 'ta', 'உங்கள் அறிக்கை தயார்: {{reportType}}',
 'நீங்கள் கோரிய {{reportType}} ({{format}}) அறிக்கை பதிவிறக்கத் தயாராக உள்ளது:
{{downloadLink}}

MDM Twin, பிஎம் போஷண்'),
('report.ready', 'IN_APP', 'en', 'Report ready: {{reportType}}', 'Download it: {{downloadLink}}'),
('report.ready', 'IN_APP', 'ta', 'அறிக்கை தயார்: {{reportType}}', 'பதிவிறக்க: {{downloadLink}}'),

('admin.broadcast', 'EMAIL', 'en', '{{title}}', '{{message}}

Sent to {{scope}} by the state administration through MDM Twin.'),
('admin.broadcast', 'EMAIL', 'ta', '{{title}}', '{{message}}

மாநில நிர்வாகம் MDM Twin மூலம் {{scope}}-க்கு அனுப்பியது.'),
('admin.broadcast', 'SMS', 'en', null, 'MDM Twin: {{title}}. {{message}}'),
('admin.broadcast', 'SMS', 'ta', null, 'MDM Twin அறிவிப்பு: {{title}}. {{message}}'),
('admin.broadcast', 'IN_APP', 'en', '{{title}}', '{{message}} (notice to {{scope}})'),
('admin.broadcast', 'IN_APP', 'ta', '{{title}}', '{{message}} ({{scope}}-க்கான அறிவிப்பு)'),

('user.digest', 'EMAIL', 'en', 'MDM Twin: {{count}} notifications',
 'Dear {{displayName}},

Here is what happened since your last summary:

{{items}}

Change how often you get this summary in your notification preferences.

MDM Twin, PM POSHAN'),
('user.digest', 'EMAIL', 'ta', 'MDM Twin: {{count}} அறிவிப்புகள்',
 'அன்புள்ள {{displayName}},

உங்கள் கடைசி சுருக்கத்துக்குப் பிறகு நடந்தவை:

{{items}}

இந்தச் சுருக்கம் எவ்வளவு அடிக்கடி வர வேண்டும் என்பதை உங்கள் அறிவிப்பு விருப்பங்களில் மாற்றலாம்.

MDM Twin, பிஎம் போஷண்');

-- The alert SMS shorter: with the alert's link (about 60 characters) the Tamil text stays within two UCS-2 parts
-- (134 characters), the English within one GSM-7 part.
update notification_templates set body = 'MDM Twin {{severity}}: {{title}} at {{scope}}. {{alertLink}}', updated_at = now()
 where code = 'alert.raised' and channel = 'SMS' and language = 'en';
update notification_templates set body = 'MDM Twin {{severity}}: {{scope}}-இல் {{title}}. {{alertLink}}', updated_at = now()
 where code = 'alert.raised' and channel = 'SMS' and language = 'ta';
