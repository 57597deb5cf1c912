/**
 * A member as a whole, across the features (#13, docs/adr/0022): the administrators' account
 * pages ({@code /admin/comptes}: find, activity, role, reset link, suspension) and « Vos données »
 * ({@code /mes-donnees}: export and erasure of one's own account). It reads and changes each
 * feature's data only through that feature's service, which owns the rule; it owns no table. A
 * suspension goes through moderation's service (its rules, its journal), never around it.
 */
package fr.mare.members;
