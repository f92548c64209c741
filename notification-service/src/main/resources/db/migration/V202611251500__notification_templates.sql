-- What the service sends, per event kind (code), channel and language. Placeholders are {{name}}; the
-- English and Tamil variants of a code and channel use the same placeholders. SMS has no subject.
create table notification_templates
(
    code       varchar(64)  not null,
    channel    varchar(8)   not null,
    language   varchar(2)   not null,
    subject    varchar(200),
    body       text         not null,
    created_at timestamp with time zone not null default now(),
    updated_at timestamp with time zone not null default now(),
    constraint notification_templates_pkey primary key (code, channel, language),
    constraint notification_templates_code_format check (code ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    constraint notification_templates_channel check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    constraint notification_templates_language check (language in ('en', 'ta')),
    constraint notification_templates_subject check ((channel = 'SMS') = (subject is null)),
    constraint notification_templates_body check (length(btrim(body)) > 0)
);
create index notification_templates_by_channel_language on notification_templates (channel, language, code);

insert into notification_templates (code, channel, language, subject, body)
values
-- Account activation (UserRegistered)
('user.activation', 'EMAIL', 'en', 'Activate your MDM Twin account',
 'Dear {{displayName}},

An account has been created for you on MDM Twin, the monitoring system of the PM POSHAN mid-day meal scheme, with the username {{username}}.

To activate it, open the link below and set your password:
{{activationLink}}

The link works only once and is valid until {{expiresAt}}. If you did not expect this e-mail, please ignore it.

MDM Twin, PM POSHAN'),
('user.activation', 'EMAIL', 'ta', 'உங்கள் MDM Twin கணக்கைச் செயல்படுத்துங்கள்',
 'அன்புள்ள {{displayName}},

மதிய உணவுத் திட்டத்தின் (பிஎம் போஷண்) கண்காணிப்பு அமைப்பான MDM Twin-இல் உங்களுக்கு {{username}} என்ற பயனர் பெயருடன் ஒரு கணக்கு உருவாக்கப்பட்டுள்ளது.

கணக்கைச் செயல்படுத்த, கீழே உள்ள இணைப்பைத் திறந்து உங்கள் கடவுச்சொல்லை அமைக்கவும்:
{{activationLink}}

இந்த இணைப்பை ஒரு முறை மட்டுமே பயன்படுத்த முடியும்; இது {{expiresAt}} வரை மட்டுமே செல்லுபடியாகும். இந்த மின்னஞ்சலை நீங்கள் எதிர்பார்க்கவில்லை என்றால், இதைப் புறக்கணிக்கவும்.

MDM Twin, பிஎம் போஷண்'),

-- Password reset (PasswordResetRequested)
('user.password-reset', 'EMAIL', 'en', 'Reset your MDM Twin password',
 'A password reset was requested for the MDM Twin account {{username}}.

To choose a new password, open the link below:
{{resetLink}}

The link works only once and is valid until {{expiresAt}}. If you did not ask for this, ignore this e-mail: your password stays as it is.

MDM Twin, PM POSHAN'),
('user.password-reset', 'EMAIL', 'ta', 'உங்கள் MDM Twin கடவுச்சொல்லை மீட்டமைக்கவும்',
 'MDM Twin கணக்கு {{username}}-க்கான கடவுச்சொல்லை மீட்டமைக்கக் கோரிக்கை பெறப்பட்டுள்ளது.

புதிய கடவுச்சொல்லை அமைக்க, கீழே உள்ள இணைப்பைத் திறக்கவும்:
{{resetLink}}

இந்த இணைப்பை ஒரு முறை மட்டுமே பயன்படுத்த முடியும்; இது {{expiresAt}} வரை மட்டுமே செல்லுபடியாகும். நீங்கள் இதைக் கோரவில்லை என்றால், இந்த மின்னஞ்சலைப் புறக்கணிக்கவும்; உங்கள் கடவுச்சொல் மாறாது.

MDM Twin, பிஎம் போஷண்'),

-- Alert raised (AlertRaised)
('alert.raised', 'EMAIL', 'en', '[{{severity}}] {{title}}',
 'An alert was raised for {{scope}}.

{{title}}
{{message}}

Severity: {{severity}}
Raised at: {{raisedAt}}

Open the alert to acknowledge it: {{alertLink}}

MDM Twin, PM POSHAN'),
('alert.raised', 'EMAIL', 'ta', '[{{severity}}] {{title}}',
 '{{scope}}-க்கு ஓர் எச்சரிக்கை எழுப்பப்பட்டுள்ளது.

{{title}}
{{message}}

தீவிர நிலை: {{severity}}
எழுப்பப்பட்ட நேரம்: {{raisedAt}}

இந்த எச்சரிக்கையைப் பார்த்து ஒப்புகை அளிக்க இங்கே திறக்கவும்: {{alertLink}}

MDM Twin, பிஎம் போஷண்'),
('alert.raised', 'SMS', 'en', null,
 'MDM Twin {{severity}} alert for {{scope}}: {{title}}. Details: {{alertLink}}'),
('alert.raised', 'SMS', 'ta', null,
 'MDM Twin {{severity}} எச்சரிக்கை, {{scope}}: {{title}}. விவரம்: {{alertLink}}'),
('alert.raised', 'IN_APP', 'en', 'Alert: {{title}}',
 '{{message}} ({{scope}}, severity {{severity}})'),
('alert.raised', 'IN_APP', 'ta', 'எச்சரிக்கை: {{title}}',
 '{{message}} ({{scope}}, தீவிர நிலை {{severity}})'),

-- Funds released (FundReleased)
('fund.released', 'EMAIL', 'en', 'Funds released: ₹{{amount}} for {{scope}}',
 '₹{{amount}} has been released for {{scope}} under PM POSHAN on {{releasedOn}} (release {{releaseId}}).

Record what it is spent on in MDM Twin, so that the utilisation certificate and the next instalment are not delayed.

MDM Twin, PM POSHAN'),
('fund.released', 'EMAIL', 'ta', 'நிதி விடுவிப்பு: {{scope}}-க்கு ₹{{amount}}',
 'பிஎம் போஷண் திட்டத்தின் கீழ் {{scope}}-க்கு {{releasedOn}} அன்று ₹{{amount}} விடுவிக்கப்பட்டுள்ளது (விடுவிப்பு எண் {{releaseId}}).

பயன்பாட்டுச் சான்றிதழும் அடுத்த தவணையும் தாமதமின்றி வர, இத்தொகையின் செலவுகளை MDM Twin-இல் பதிவு செய்யவும்.

MDM Twin, பிஎம் போஷண்'),
('fund.released', 'IN_APP', 'en', 'Funds released for {{scope}}',
 '₹{{amount}} released on {{releasedOn}} (release {{releaseId}}).'),
('fund.released', 'IN_APP', 'ta', '{{scope}}-க்கு நிதி விடுவிக்கப்பட்டது',
 '{{releasedOn}} அன்று ₹{{amount}} விடுவிக்கப்பட்டது (விடுவிப்பு எண் {{releaseId}}).');
