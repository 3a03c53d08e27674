-- Bayt Lofts: the production database of a loft-rental company in Algeria (demo).
-- Part 1 of 2, run before the rows are loaded: types, tables, functions, views, security.
-- Foreign keys, secondary indexes and triggers come in post-load.sql, after COPY, as
-- pg_restore does: building them once over loaded rows is much faster than row by row.

create schema if not exists audit;
comment on schema audit is 'Row history written by triggers (audit.log_change).';

-- Types ---------------------------------------------------------------------------------

create type public.user_role as enum ('guest', 'host', 'manager', 'admin');
create type public.reservation_status as enum ('pending', 'confirmed', 'cancelled', 'completed');
create type public.payment_method as enum ('card', 'cib', 'edahabia', 'cash', 'transfer');
create type public.payment_status as enum ('pending', 'succeeded', 'failed', 'refunded');

create domain public.email_address as text
    check (value ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$');
comment on domain public.email_address is 'An email address (format checked, not verified).';

-- Tables --------------------------------------------------------------------------------

create table public.users (
    id          bigserial primary key,
    email       public.email_address not null,
    full_name   text not null,
    first_name  text not null,
    last_name   text not null,
    phone       text not null,
    national_id char(18) not null check (national_id ~ '^[0-9]{18}$'),
    birth_date  date not null check (birth_date > date '1900-01-01'),
    address     text not null,
    city        text not null,
    postal_code char(5) not null check (postal_code ~ '^[0-9]{5}$'),
    iban        text not null check (iban ~ '^DZ[0-9]{22}$'),
    role        public.user_role not null default 'guest',
    manager_id  bigint,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz,
    constraint users_not_own_manager check (manager_id <> id),
    constraint users_deleted_after_created check (deleted_at is null or deleted_at >= created_at)
);
comment on table public.users is 'Guests, hosts and staff. Soft-deleted rows keep their data (deleted_at).';
comment on column public.users.email is 'PII: email address; unique among active users.';
comment on column public.users.full_name is 'PII: first and last name as displayed.';
comment on column public.users.first_name is 'PII: given name.';
comment on column public.users.last_name is 'PII: family name.';
comment on column public.users.phone is 'PII: mobile number as typed (0551 23 45 67, +213 551 23 45 67...).';
comment on column public.users.national_id is 'PII: national identification number (NIN, 18 digits).';
comment on column public.users.birth_date is 'PII: date of birth.';
comment on column public.users.address is 'PII: street address.';
comment on column public.users.iban is 'PII: bank account (DZ IBAN) for payouts and refunds.';

create table public.lofts (
    id              bigserial primary key,
    owner_id        bigint not null,
    title           text not null,
    address         text not null,
    city            text not null,
    price_per_night numeric(12, 2) not null check (price_per_night > 0),
    currency        char(3) not null default 'DZD' check (currency in ('DZD', 'EUR')),
    cleaning_fee    numeric(12, 2) not null default 0 check (cleaning_fee >= 0),
    bedrooms        smallint not null check (bedrooms between 0 and 10),
    max_guests      smallint not null check (max_guests > 0),
    active          boolean not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
comment on table public.lofts is 'Lofts and flats let by hosts; prices in dinars, some in euros.';
comment on column public.lofts.address is 'Street address of the loft (the owner''s property).';

create table public.reservations (
    id          bigserial primary key,
    loft_id     bigint not null,
    guest_id    bigint not null,
    guest_name  text not null,
    guest_email public.email_address not null,
    guest_phone text not null,
    check_in    date not null,
    check_out   date not null,
    nights      integer generated always as (check_out - check_in) stored,
    guests      smallint not null default 1 check (guests > 0),
    amount      numeric(12, 2) not null check (amount >= 0),
    currency    char(3) not null check (currency in ('DZD', 'EUR')),
    status      public.reservation_status not null default 'pending',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint reservations_check_out_after_check_in check (check_out > check_in)
);
comment on table public.reservations is 'Stays booked by guests. Guest contact is copied at booking time.';
comment on column public.reservations.guest_name is 'PII: guest name, copied from users at booking.';
comment on column public.reservations.guest_email is 'PII: guest email, copied from users at booking.';
comment on column public.reservations.guest_phone is 'PII: guest phone, copied from users at booking.';

-- Payments are partitioned by year; rows after the last yearly partition land in the default one.
create sequence public.payments_id_seq;
create table public.payments (
    id             bigint not null default nextval('public.payments_id_seq'),
    reservation_id bigint not null,
    amount         numeric(12, 2) not null check (amount > 0),
    currency       char(3) not null check (currency in ('DZD', 'EUR')),
    method         public.payment_method not null,
    status         public.payment_status not null,
    card_last4     char(4) check (card_last4 ~ '^[0-9]{4}$'),
    provider_ref   text,
    paid_at        timestamptz not null,
    primary key (id, paid_at),
    constraint payments_card_last4_for_cards check ((method in ('card', 'cib', 'edahabia')) = (card_last4 is not null))
) partition by range (paid_at);
alter sequence public.payments_id_seq owned by public.payments.id;
create table public.payments_2019 partition of public.payments for values from ('2019-01-01 00:00+01') to ('2020-01-01 00:00+01');
create table public.payments_2020 partition of public.payments for values from ('2020-01-01 00:00+01') to ('2021-01-01 00:00+01');
create table public.payments_2021 partition of public.payments for values from ('2021-01-01 00:00+01') to ('2022-01-01 00:00+01');
create table public.payments_2022 partition of public.payments for values from ('2022-01-01 00:00+01') to ('2023-01-01 00:00+01');
create table public.payments_2023 partition of public.payments for values from ('2023-01-01 00:00+01') to ('2024-01-01 00:00+01');
create table public.payments_2024 partition of public.payments for values from ('2024-01-01 00:00+01') to ('2025-01-01 00:00+01');
create table public.payments_2025 partition of public.payments for values from ('2025-01-01 00:00+01') to ('2026-01-01 00:00+01');
create table public.payments_default partition of public.payments default;
comment on table public.payments is 'Payments and refunds, partitioned by paid_at (yearly, default partition for later dates).';
comment on column public.payments.card_last4 is 'PII (partial): last four digits of the card.';
comment on column public.payments.paid_at is 'When the payment was taken; for pending ones, when it is scheduled.';

create table public.conversations (
    id             bigserial primary key,
    reservation_id bigint,
    subject        text not null,
    created_at     timestamptz not null default now()
);
comment on table public.conversations is 'Message threads, usually about a reservation.';

create table public.conversation_participants (
    conversation_id bigint not null,
    user_id         bigint not null,
    role            text not null check (role in ('guest', 'host', 'support')),
    joined_at       timestamptz not null default now(),
    last_read_at    timestamptz,
    primary key (conversation_id, user_id)
);
comment on table public.conversation_participants is 'Who takes part in a conversation.';

create table public.messages (
    id              bigserial primary key,
    conversation_id bigint not null,
    sender_id       bigint not null,
    body            text not null check (length(body) > 0),
    sent_at         timestamptz not null default now()
);
comment on table public.messages is 'Messages between guests, hosts and support.';
comment on column public.messages.body is 'PII (free text): often contains phone numbers, emails, names, IBANs.';

create table public.notifications (
    id         bigint generated always as identity primary key,
    user_id    bigint not null,
    kind       text not null check (kind in ('welcome', 'password_reset', 'reservation_confirmed', 'new_reservation',
                   'check_in_reminder', 'payment_received', 'review_request')),
    channel    text not null check (channel in ('email', 'sms', 'push')),
    payload    jsonb not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    constraint notifications_read_after_created check (read_at is null or read_at >= created_at)
);
comment on table public.notifications is 'Notifications sent to users, with the rendered data.';
comment on column public.notifications.payload is 'PII (jsonb): name, email, phone, reservation details.';

create table audit.audit_log (
    id          bigserial primary key,
    table_name  text not null,
    operation   text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
    row_id      bigint,
    changed_by  bigint,
    changed_at  timestamptz not null default now(),
    client_addr inet,
    old_row     jsonb,
    new_row     jsonb
);
comment on table audit.audit_log is 'Row images before and after each change to users, reservations and payments.';
comment on column audit.audit_log.old_row is 'PII (jsonb): full row image before the change.';
comment on column audit.audit_log.new_row is 'PII (jsonb): full row image after the change.';

-- Functions -----------------------------------------------------------------------------

-- Security definer: the application role writes rows, never the audit log directly.
create function audit.log_change() returns trigger
    language plpgsql security definer set search_path = pg_catalog, public
as $$
declare
    old_image jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_image jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
begin
    insert into audit.audit_log (table_name, operation, row_id, changed_by, changed_at, client_addr, old_row, new_row)
    values (coalesce(tg_argv[0], tg_table_name), tg_op, (coalesce(new_image, old_image) ->> 'id')::bigint,
            nullif(current_setting('app.user_id', true), '')::bigint, now(), inet_client_addr(),
            old_image, new_image);
    return null;
end
$$;
comment on function audit.log_change() is 'Trigger: records the old and new row images in audit.audit_log.';

create function public.touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create function public.loft_occupancy(p_loft_id bigint, p_from date, p_to date) returns numeric
    language plpgsql stable
as $$
declare
    booked_nights bigint;
begin
    if p_to <= p_from then
        raise exception 'period must end after it starts (% .. %)', p_from, p_to;
    end if;
    select coalesce(sum(least(check_out, p_to) - greatest(check_in, p_from)), 0)
      into booked_nights
      from public.reservations
     where loft_id = p_loft_id
       and status in ('confirmed', 'completed')
       and check_in < p_to
       and check_out > p_from;
    return round(booked_nights::numeric / (p_to - p_from), 4);
end
$$;
comment on function public.loft_occupancy(bigint, date, date) is 'Share of nights booked for a loft over [from, to).';

-- Views ---------------------------------------------------------------------------------

create view public.reservation_overview as
select r.id as reservation_id,
       r.status,
       r.check_in,
       r.check_out,
       r.nights,
       r.amount,
       r.currency,
       l.id as loft_id,
       l.title as loft_title,
       l.city,
       g.id as guest_id,
       g.full_name as guest_name,
       g.email as guest_email,
       h.id as host_id,
       h.full_name as host_name
  from public.reservations r
  join public.lofts l on l.id = r.loft_id
  join public.users g on g.id = r.guest_id
  join public.users h on h.id = l.owner_id;
comment on view public.reservation_overview is 'Reservations with their loft, guest and host.';

-- Months are taken in Algiers time, so the result does not depend on the session time zone.
create materialized view public.monthly_revenue as
select date_trunc('month', p.paid_at at time zone 'Africa/Algiers')::date as month,
       l.city,
       p.currency,
       count(*) as payments,
       sum(p.amount) as revenue
  from public.payments p
  join public.reservations r on r.id = p.reservation_id
  join public.lofts l on l.id = r.loft_id
 where p.status = 'succeeded'
 group by 1, 2, 3
with no data;
create unique index monthly_revenue_key on public.monthly_revenue (month, city, currency);
comment on materialized view public.monthly_revenue is 'Succeeded payments per month, city and currency.';

-- Security ------------------------------------------------------------------------------

-- Roles belong to the whole cluster: another demo database may have created it already.
do $$
begin
    if not exists (select from pg_catalog.pg_roles where rolname = 'loft_app') then
        create role loft_app nologin;
    end if;
exception
    when duplicate_object or unique_violation then
        null; -- created concurrently by another generator
end
$$;

grant usage on schema public to loft_app;
grant usage on schema audit to loft_app;
grant select, insert, update, delete on all tables in schema public to loft_app;
grant select on audit.audit_log to loft_app;
grant usage, select on all sequences in schema public to loft_app;
grant execute on function public.loft_occupancy(bigint, date, date) to loft_app;

-- The application sets app.user_id (and app.role for staff) on each connection.
alter table public.users enable row level security;
alter table public.reservations enable row level security;
alter table public.messages enable row level security;

create policy users_self_or_staff on public.users to loft_app
    using (id = nullif(current_setting('app.user_id', true), '')::bigint
           or current_setting('app.role', true) in ('manager', 'admin'));

create policy reservations_guest_or_host on public.reservations to loft_app
    using (guest_id = nullif(current_setting('app.user_id', true), '')::bigint
           or exists (select 1 from public.lofts l
                       where l.id = loft_id and l.owner_id = nullif(current_setting('app.user_id', true), '')::bigint)
           or current_setting('app.role', true) in ('manager', 'admin'));

create policy messages_participants on public.messages to loft_app
    using (exists (select 1 from public.conversation_participants p
                    where p.conversation_id = messages.conversation_id
                      and p.user_id = nullif(current_setting('app.user_id', true), '')::bigint)
           or current_setting('app.role', true) in ('manager', 'admin'));
