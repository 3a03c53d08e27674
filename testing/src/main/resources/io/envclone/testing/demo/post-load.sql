-- Bayt Lofts demo database, part 2 of 2: run once the rows are loaded.
-- Adding a foreign key to a filled table checks every row in one join, so the constraints
-- below also prove the generated data consistent. Triggers are created last: the bulk load
-- and its ready-made audit history must not fire them, later changes must.

-- Unique and partial indexes -------------------------------------------------------------

create unique index users_email_active_key on public.users (lower(email)) where deleted_at is null;
alter table public.users add constraint users_national_id_key unique (national_id);
create index users_manager_id_idx on public.users (manager_id) where manager_id is not null;
create index users_city_idx on public.users (city);

create index lofts_owner_id_idx on public.lofts (owner_id);
create index lofts_active_city_idx on public.lofts (city) where active;

create index reservations_loft_id_check_in_idx on public.reservations (loft_id, check_in);
create index reservations_guest_id_idx on public.reservations (guest_id);
create index reservations_upcoming_idx on public.reservations (check_in) where status in ('pending', 'confirmed');

create index payments_reservation_id_idx on public.payments (reservation_id);
create index payments_pending_idx on public.payments (paid_at) where status = 'pending';

create index conversations_reservation_id_idx on public.conversations (reservation_id) where reservation_id is not null;
create index conversation_participants_user_id_idx on public.conversation_participants (user_id);
create index messages_conversation_id_sent_at_idx on public.messages (conversation_id, sent_at);
create index messages_sender_id_idx on public.messages (sender_id);
create index notifications_unread_idx on public.notifications (user_id) where read_at is null;

create index audit_log_row_idx on audit.audit_log (table_name, row_id);
create index audit_log_changed_at_idx on audit.audit_log using brin (changed_at);

-- Foreign keys ----------------------------------------------------------------------------

alter table public.users add constraint users_manager_id_fkey
    foreign key (manager_id) references public.users (id);
alter table public.lofts add constraint lofts_owner_id_fkey
    foreign key (owner_id) references public.users (id);
alter table public.reservations add constraint reservations_loft_id_fkey
    foreign key (loft_id) references public.lofts (id);
alter table public.reservations add constraint reservations_guest_id_fkey
    foreign key (guest_id) references public.users (id);
alter table public.payments add constraint payments_reservation_id_fkey
    foreign key (reservation_id) references public.reservations (id);
alter table public.conversations add constraint conversations_reservation_id_fkey
    foreign key (reservation_id) references public.reservations (id) on delete set null;
alter table public.conversation_participants add constraint conversation_participants_conversation_id_fkey
    foreign key (conversation_id) references public.conversations (id) on delete cascade;
alter table public.conversation_participants add constraint conversation_participants_user_id_fkey
    foreign key (user_id) references public.users (id);
alter table public.messages add constraint messages_conversation_id_fkey
    foreign key (conversation_id) references public.conversations (id) on delete cascade;
-- A message is written by someone taking part in its conversation.
alter table public.messages add constraint messages_sender_participant_fkey
    foreign key (conversation_id, sender_id)
    references public.conversation_participants (conversation_id, user_id) on delete cascade;
alter table public.notifications add constraint notifications_user_id_fkey
    foreign key (user_id) references public.users (id) on delete cascade;

-- Triggers --------------------------------------------------------------------------------

create trigger users_audit after insert or update or delete on public.users
    for each row execute function audit.log_change('users');
create trigger reservations_audit after insert or update or delete on public.reservations
    for each row execute function audit.log_change('reservations');
create trigger payments_audit after insert or update or delete on public.payments
    for each row execute function audit.log_change('payments');

create trigger users_touch before update on public.users
    for each row execute function public.touch_updated_at();
create trigger lofts_touch before update on public.lofts
    for each row execute function public.touch_updated_at();
create trigger reservations_touch before update on public.reservations
    for each row execute function public.touch_updated_at();

-- Sequences continue after the loaded ids -------------------------------------------------

select setval(pg_get_serial_sequence('public.users', 'id'), coalesce(max(id), 0) + 1, false) from public.users;
select setval(pg_get_serial_sequence('public.lofts', 'id'), coalesce(max(id), 0) + 1, false) from public.lofts;
select setval(pg_get_serial_sequence('public.reservations', 'id'), coalesce(max(id), 0) + 1, false) from public.reservations;
select setval('public.payments_id_seq', coalesce(max(id), 0) + 1, false) from public.payments;
select setval(pg_get_serial_sequence('public.conversations', 'id'), coalesce(max(id), 0) + 1, false) from public.conversations;
select setval(pg_get_serial_sequence('public.messages', 'id'), coalesce(max(id), 0) + 1, false) from public.messages;
select setval(pg_get_serial_sequence('public.notifications', 'id'), coalesce(max(id), 0) + 1, false) from public.notifications;
select setval(pg_get_serial_sequence('audit.audit_log', 'id'), coalesce(max(id), 0) + 1, false) from audit.audit_log;

-- Derived data and statistics --------------------------------------------------------------

refresh materialized view public.monthly_revenue;
analyze;
