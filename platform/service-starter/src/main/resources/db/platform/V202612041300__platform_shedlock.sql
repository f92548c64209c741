-- ShedLock: a scheduled job runs on one replica at a time (SchedulingPlatformAutoConfiguration). A service that made
-- this table in a migration of its own before the platform did (school-service) keeps it: same columns.
create table if not exists shedlock
(
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint shedlock_pkey primary key (name)
);
