-- What the probe's event consumer wrote: one row per handled event (no unique key, so a repeat would show).
create table consumed_probes
(
    udise_code char(11) not null,
    event_id   uuid     not null,
    name       text     not null
);
