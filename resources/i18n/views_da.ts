<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Admin</name>
    <message>
        <location filename="../../ui/views/admin.py" line="27"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin.py" line="37"/>
        <source>Users an&amp;d roles</source>
        <translation>Br&amp;ugere og roller</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin.py" line="38"/>
        <source>Facilities and &amp;places</source>
        <translation>Til&amp;bud og steder</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin.py" line="41"/>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
</context>
<context>
    <name>AdminPlaces</name>
    <message>
        <location filename="../../ui/views/admin_places.py" line="34"/>
        <location filename="../../ui/views/admin_places.py" line="41"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="35"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="36"/>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="37"/>
        <source>Police district</source>
        <translation>Politikreds</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="42"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="43"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="46"/>
        <source>Facilities</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="49"/>
        <source>Places</source>
        <translation>Steder</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="53"/>
        <source>New facility</source>
        <translation>Nyt tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="55"/>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="56"/>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="57"/>
        <source>&amp;Municipality</source>
        <translation>K&amp;ommune</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="59"/>
        <source>Police dis&amp;trict</source>
        <translation>Pol&amp;itikreds</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="61"/>
        <source>Add fac&amp;ility</source>
        <translation>&amp;Tilføj tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="67"/>
        <source>New place at the chosen facility</source>
        <translation>Nyt sted på det valgte tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="69"/>
        <source>C&amp;ode</source>
        <translation>Ko&amp;de</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="70"/>
        <source>Pl&amp;ace</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="71"/>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="72"/>
        <source>Add p&amp;lace</source>
        <translation>Tilføj st&amp;ed</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="104"/>
        <source>Places at %1</source>
        <translation>Steder på %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="105"/>
        <source>Choose a facility to see its places.</source>
        <translation>Vælg et tilbud for at se dets steder.</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="139"/>
        <location filename="../../ui/views/admin_places.py" line="155"/>
        <source>%1 is added.</source>
        <translation>%1 er tilføjet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="41"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="42"/>
        <source>No, retired</source>
        <translation>Nej, udgået</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="70"/>
        <source>In use</source>
        <translation>I brug</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="81"/>
        <source>C&amp;hange facility…</source>
        <translation>Ret ti&amp;lbud…</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="83"/>
        <source>Chang&amp;e place…</source>
        <translation>Ret &amp;valgte sted…</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_places.py" line="232"/>
        <source>%1 is saved.</source>
        <translation>%1 er gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_place_dialogs.py" line="27"/>
        <source>Change facility</source>
        <translation>Ret tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_place_dialogs.py" line="58"/>
        <source>Change place</source>
        <translation>Ret sted</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_place_dialogs.py" line="65"/>
        <source>In &amp;use</source>
        <translation>I &amp;brug</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_place_dialogs.py" line="66"/>
        <source>Offered for new incidents (the ones logged here keep it)</source>
        <translation>Kan vælges til nye hændelser (de registrerede beholder stedet)</translation>
    </message>
</context>
<context>
    <name>AdminUsers</name>
    <message>
        <location filename="../../ui/views/admin_users.py" line="54"/>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="55"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="56"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="57"/>
        <source>Facilities</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="58"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="59"/>
        <source>Last login</source>
        <translation>Sidst logget ind</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="63"/>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="83"/>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="85"/>
        <source>Us&amp;er name</source>
        <translation>Bruger&amp;navn</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="86"/>
        <source>Full na&amp;me</source>
        <translation>Fulde na&amp;vn</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="88"/>
        <source>First pass&amp;word</source>
        <translation>Første adgangs&amp;kode</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="90"/>
        <source>&amp;Role</source>
        <translation>R&amp;olle</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="91"/>
        <source>Faci&amp;lities</source>
        <translation>&amp;Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="94"/>
        <source>&amp;All facilities</source>
        <translation>All&amp;e tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="96"/>
        <source>&amp;Create user</source>
        <translation>O&amp;pret bruger</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="104"/>
        <source>The chosen user</source>
        <translation>Den valgte bruger</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="106"/>
        <source>R&amp;ole</source>
        <translation>Ro&amp;lle</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="107"/>
        <source>C&amp;hange role</source>
        <translation>&amp;Skift rolle</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="109"/>
        <source>Fac&amp;ilities</source>
        <translation>T&amp;ilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="112"/>
        <source>All facili&amp;ties</source>
        <translation>&amp;Alle tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="114"/>
        <source>Sa&amp;ve facilities</source>
        <translation>Gem tilbu&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="122"/>
        <source>Deactivate</source>
        <translation>Deaktivér</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="140"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="146"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="147"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="195"/>
        <source>Choose a user in the list first.</source>
        <translation>Vælg først en bruger i listen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/admin_users.py" line="233"/>
        <source>%1 (%2) is saved.</source>
        <translation>%1 (%2) er gemt.</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Spærret</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Nulstil adgangskode…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>%1 has a one-time password and must choose a new one at the next login.</source>
        <translation>%1 har fået en engangskode og skal vælge en ny ved næste login.</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 kan logge ind igen.</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Til %1</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../ui/views/backup_status.py" line="19"/>
        <source>The last backup failed: %1</source>
        <translation>Den seneste sikkerhedskopiering mislykkedes: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/backup_status.py" line="20"/>
        <source>There is no backup yet.</source>
        <translation>Der er endnu ingen sikkerhedskopi.</translation>
    </message>
    <message>
        <location filename="../../ui/views/backup_status.py" line="21"/>
        <source>The last good backup is more than two days old.</source>
        <translation>Den seneste gode sikkerhedskopi er mere end to dage gammel.</translation>
    </message>
    <message>
        <location filename="../../ui/views/backup_status.py" line="23"/>
        <source>Last good backup: %1 (%2)</source>
        <translation>Seneste gode sikkerhedskopi: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Broset</name>
    <message>
        <location filename="../../ui/views/broset.py" line="53"/>
        <source>Assessed</source>
        <translation>Vurderet</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="55"/>
        <source>Shift</source>
        <translation>Vagt</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="56"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="58"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="60"/>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="63"/>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="64"/>
        <source>Actions</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="68"/>
        <source>Assessment for this shift</source>
        <translation>Vurdering for denne vagt</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="70"/>
        <source>Re&amp;sident</source>
        <translation>&amp;Beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="73"/>
        <source>&amp;Time</source>
        <translation>&amp;Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="78"/>
        <source>Tick what is present now, compared with how the resident usually is.</source>
        <translation>Sæt kryds ved det, der er til stede nu, sammenlignet med hvordan beboeren plejer at være.</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="88"/>
        <source>&amp;Measures and plan</source>
        <translation>Tiltag og &amp;plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="94"/>
        <source>Sa&amp;ve assessment</source>
        <translation>G&amp;em vurdering</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="101"/>
        <source>Assessments</source>
        <translation>Vurderinger</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="126"/>
        <source>The last %1 days</source>
        <translation>De seneste %1 dage</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="132"/>
        <source>Score %1 of 6: %2. %3</source>
        <translation>Score %1 af 6: %2. %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/broset.py" line="163"/>
        <source>%1: %2 of 6 (%3) saved for the %4.</source>
        <translation>%1: %2 af 6 (%3) er gemt for %4.</translation>
    </message>
</context>
<context>
    <name>DrugTableModel</name>
    <message>
        <location filename="../../ui/models/drug_table.py" line="37"/>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="38"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="39"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="40"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="41"/>
        <source>Observed</source>
        <translation>Observeret</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="42"/>
        <source>Substances</source>
        <translation>Stoffer</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="43"/>
        <source>Sellers</source>
        <translation>Sælgere</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="44"/>
        <source>Buyers</source>
        <translation>Købere</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="45"/>
        <source>Vehicles</source>
        <translation>Køretøjer</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="46"/>
        <source>Outsiders</source>
        <translation>Udefrakommende</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="47"/>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <location filename="../../ui/models/drug_table.py" line="49"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>DrugTrade</name>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="40"/>
        <source>Mon</source>
        <translation>man</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="40"/>
        <source>Tue</source>
        <translation>tir</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="41"/>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="41"/>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="42"/>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="42"/>
        <source>Sat</source>
        <translation>lør</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="43"/>
        <source>Sun</source>
        <translation>søn</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="46"/>
        <source>Last 3 months</source>
        <translation>Seneste 3 måneder</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="47"/>
        <source>Last 12 months</source>
        <translation>Seneste 12 måneder</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="48"/>
        <source>All time</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="66"/>
        <source>No place recorded</source>
        <translation>Intet sted angivet</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="71"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="72"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="73"/>
        <source>Seen</source>
        <translation>Antal</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="100"/>
        <source>Drug-trade observations</source>
        <translation>Narkotikaobservationer</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="105"/>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="106"/>
        <source>Facilit&amp;y</source>
        <translation>&amp;Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="107"/>
        <source>&amp;Show</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="108"/>
        <source>Pla&amp;ce</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="121"/>
        <source>Weekday and hour map</source>
        <translation>Kort over ugedag og klokkeslæt</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="128"/>
        <source>Places</source>
        <translation>Steder</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="146"/>
        <source>Observations</source>
        <translation>Observationer</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="182"/>
        <source>Dealing seen</source>
        <translation>Handel observeret</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="183"/>
        <source>All drug observations</source>
        <translation>Alle narkotikaobservationer</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="184"/>
        <source>All facilities</source>
        <translation>Alle tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="190"/>
        <source>All places</source>
        <translation>Alle steder</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="235"/>
        <source>%1 at %2: %3 seen</source>
        <translation>%1 kl. %2: %3 set</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="239"/>
        <source>When it is seen: %1 observations by weekday and hour. Most often %2 around %3:00.</source>
        <translation>Hvornår det ses: %1 observationer fordelt på ugedag og klokkeslæt. Oftest %2 omkring kl. %3.</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="244"/>
        <source>Nothing observed in this period.</source>
        <translation>Intet observeret i perioden.</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="248"/>
        <source>%1 observations shown; scroll for more. Enter opens the chosen one.</source>
        <translation>%1 observationer vist; rul for flere. Enter åbner den valgte.</translation>
    </message>
    <message>
        <location filename="../../ui/views/drug_trade.py" line="252"/>
        <source>%1 observations. Enter opens the chosen one.</source>
        <translation>%1 observationer. Enter åbner den valgte.</translation>
    </message>
</context>
<context>
    <name>DutyDialog</name>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="132"/>
        <source>&amp;State</source>
        <translation>&amp;Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="133"/>
        <source>&amp;Reason</source>
        <translation>&amp;Begrundelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="134"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="135"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="136"/>
        <source>Needed when the duty does not apply, or to reopen it</source>
        <translation>Skal udfyldes, hvis opgaven ikke er relevant, eller hvis den genåbnes</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="152"/>
        <source>Open the &amp;incident</source>
        <translation>Åbn &amp;hændelsen</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="174"/>
        <source>(unchanged)</source>
        <translation>(uændret)</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="182"/>
        <source>%1, incident no. %2</source>
        <translation>%1, hændelse nr. %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="184"/>
        <source>Incident of %1. State: %2. Deadline: %3.</source>
        <translation>Hændelse fra %1. Tilstand: %2. Frist: %3.</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="1"/>
        <source>&amp;Print the note…</source>
        <translation>&amp;Udskriv notatet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="1"/>
        <source>Save the dispensation note as a PDF to print, sign and give the employee</source>
        <translation>Gem notatet om undladelse som PDF til at udskrive, underskrive og give medarbejderen</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="1"/>
        <source>Legal source of the deadline: %1</source>
        <translation>Fristens retsgrundlag: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="1"/>
        <source>Save who decided and the reasons first; then print the note.</source>
        <translation>Gem først, hvem der besluttede, og begrundelsen; udskriv derefter notatet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/duty_dialog.py" line="1"/>
        <source>Save the dispensation note</source>
        <translation>Gem notatet om undladelse</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/views/edit_dialog.py" line="51"/>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <location filename="../../ui/views/edit_dialog.py" line="53"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>IncidentDuties</name>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="207"/>
        <source>Duty</source>
        <translation>Opgave</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="208"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="209"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="211"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="223"/>
        <source>Duties</source>
        <translation>Opgaver</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="225"/>
        <source>This incident triggered no duties.</source>
        <translation>Hændelsen har ikke udløst nogen opgaver.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="1"/>
        <source>Deadline&apos;s legal source</source>
        <translation>Fristens retsgrundlag</translation>
    </message>
</context>
<context>
    <name>IncidentHistory</name>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="142"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="143"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="145"/>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="146"/>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="148"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="151"/>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="178"/>
        <source>Version %1 (%2), severity %3: the text as it stood then</source>
        <translation>Version %1 (%2), alvor %3: teksten som den lød dengang</translation>
    </message>
    <message>
        <source>Changed from version %1:</source>
        <translation>Ændret fra version %1:</translation>
    </message>
</context>
<context>
    <name>IncidentLabels</name>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="18"/>
        <source>Aggression columns (SOAS-R)</source>
        <translation>Aggressionskolonner (SOAS-R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="19"/>
        <source>Use of force</source>
        <translation>Magtanvendelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="20"/>
        <source>Work injury (EASY)</source>
        <translation>Arbejdsskade (EASY)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="21"/>
        <source>Adverse event (DPSD)</source>
        <translation>Utilsigtet hændelse (DPSD)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="22"/>
        <location filename="../../ui/views/incident_labels.py" line="30"/>
        <source>Police report</source>
        <translation>Politianmeldelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="23"/>
        <source>Relevant to PSP</source>
        <translation>Relevant for PSP</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="24"/>
        <source>Tell the manager now</source>
        <translation>Giv lederen besked nu</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="28"/>
        <source>Use-of-force report</source>
        <translation>Indberetning af magtanvendelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="29"/>
        <source>Work injury report (EASY)</source>
        <translation>Anmeldelse af arbejdsskade (EASY)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="31"/>
        <source>Adverse event report (DPSD)</source>
        <translation>Rapportering af utilsigtet hændelse (DPSD)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="32"/>
        <source>Note for the PSP meeting</source>
        <translation>Punkt til PSP-mødet</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="36"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="37"/>
        <source>In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="38"/>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="39"/>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="40"/>
        <source>Not required</source>
        <translation>Ikke nødvendig</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="44"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="45"/>
        <source>Correction</source>
        <translation>Rettelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="46"/>
        <source>Reclassification</source>
        <translation>Omklassificering</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="47"/>
        <source>Signed off</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="51"/>
        <source>Addendum</source>
        <translation>Tillæg</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="52"/>
        <source>Correction request</source>
        <translation>Anmodning om rettelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="53"/>
        <source>Review note</source>
        <translation>Gennemgangsnote</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="57"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="58"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="1"/>
        <source>Pre-approved interventions: combined registration</source>
        <translation>Forhåndsgodkendte indgreb: samlet registrering</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="1"/>
        <source>Police report within 72 hours, or a reasoned note</source>
        <translation>Politianmeldelse inden 72 timer eller begrundet notat</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_labels.py" line="1"/>
        <source>deadline not legally confirmed</source>
        <translation>frist ikke juridisk bekræftet</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="37"/>
        <source>All time</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="38"/>
        <source>Last 30 days</source>
        <translation>Seneste 30 dage</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="39"/>
        <source>Last 12 months</source>
        <translation>Seneste 12 måneder</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="40"/>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="41"/>
        <source>Chosen dates</source>
        <translation>Valgte datoer</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_list.py" line="66"/>
        <location filename="../../ui/views/incident_list.py" line="93"/>
        <source>Incidents</source>
        <translation>Hændelser</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="93"/>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="94"/>
        <source>Fro&amp;m</source>
        <translation>Fr&amp;a</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="95"/>
        <source>T&amp;o</source>
        <translation>T&amp;il</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="96"/>
        <source>Facilit&amp;y</source>
        <translation>Tilbu&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="97"/>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="98"/>
        <source>Se&amp;verity</source>
        <translation>Alv&amp;or</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="99"/>
        <source>St&amp;atus</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="100"/>
        <source>Resi&amp;dent</source>
        <translation>&amp;Beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="101"/>
        <source>Pla&amp;ce</source>
        <translation>St&amp;ed</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="102"/>
        <source>S&amp;hift</source>
        <translation>&amp;Vagt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="115"/>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="116"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="118"/>
        <source>Words from the narrative (Ctrl+F)</source>
        <translation>Ord fra beskrivelsen (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="119"/>
        <source>C&amp;lear filters</source>
        <translation>Ryd fi&amp;ltre</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="146"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="148"/>
        <source>All types</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="159"/>
        <source>All facilities</source>
        <translation>Alle tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="170"/>
        <source>All residents</source>
        <translation>Alle beboere</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_filters.py" line="166"/>
        <source>All places</source>
        <translation>Alle steder</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_list.py" line="167"/>
        <location filename="../../ui/views/incident_list.py" line="232"/>
        <source>%1 incidents</source>
        <translation>%1 hændelser</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_list.py" line="175"/>
        <source>No incidents match the filters.</source>
        <translation>Ingen hændelser passer til filtrene.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_list.py" line="177"/>
        <source>Showing %1 of %2. Scroll down for more; Enter opens the chosen one.</source>
        <translation>Viser %1 af %2. Rul ned for flere; Enter åbner den valgte.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_list.py" line="185"/>
        <source>Fetching incidents …</source>
        <translation>Henter hændelser …</translation>
    </message>
</context>
<context>
    <name>IncidentNotes</name>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="67"/>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="73"/>
        <source>&amp;Add note</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="79"/>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="80"/>
        <source>&amp;Text</source>
        <translation>Tek&amp;st</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="81"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="82"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="85"/>
        <source>A note is added beside the record; the record itself is not changed. A correction request asks a manager to correct the record.</source>
        <translation>Et tillæg føjes til hændelsen; selve registreringen ændres ikke. En anmodning om rettelse beder en leder om at rette registreringen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_panels.py" line="117"/>
        <source>No notes yet.</source>
        <translation>Ingen noter endnu.</translation>
    </message>
</context>
<context>
    <name>IncidentRecord</name>
    <message>
        <location filename="../../ui/views/incident_record.py" line="47"/>
        <source>first day of absence %1</source>
        <translation>første fraværsdag %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="87"/>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="88"/>
        <source>Shift</source>
        <translation>Vagt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="90"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="91"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="92"/>
        <source>What happened</source>
        <translation>Hvad skete der</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="94"/>
        <source>Narrative</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="95"/>
        <source>Residents</source>
        <translation>Beboere</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="97"/>
        <source>Staff</source>
        <translation>Personale</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="99"/>
        <source>Outsiders</source>
        <translation>Udefrakommende</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="101"/>
        <source>Injuries</source>
        <translation>Skader</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="103"/>
        <source>Measures taken</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="115"/>
        <source>Linked to incident</source>
        <translation>Knyttet til hændelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="117"/>
        <source>Registered</source>
        <translation>Registreret</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="119"/>
        <source>Signed off</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="138"/>
        <source>Provocation</source>
        <translation>Udløsende faktor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="139"/>
        <source>Means used</source>
        <translation>Anvendte midler</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="140"/>
        <source>Target</source>
        <translation>Mål for aggressionen</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="141"/>
        <source>Consequences</source>
        <translation>Konsekvenser for offer</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="142"/>
        <source>Measures to stop it</source>
        <translation>Tiltag for at standse aggressionen</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="147"/>
        <source>Weapon or dangerous object</source>
        <translation>Våben eller farlig genstand</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="150"/>
        <source>SOAS-R score</source>
        <translation>SOAS-R-score</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="164"/>
        <source>Observed</source>
        <translation>Observeret</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="166"/>
        <source>Substances</source>
        <translation>Stoffer</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="167"/>
        <source>Sellers</source>
        <translation>Sælgere</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="169"/>
        <source>Buyers</source>
        <translation>Købere</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="171"/>
        <source>Vehicles</source>
        <translation>Køretøjer</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="172"/>
        <source>Money or quantity seen</source>
        <translation>Penge eller mængde set</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="173"/>
        <source>Outsiders on the premises</source>
        <translation>Udefrakommende på matriklen</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="186"/>
        <source>Police called</source>
        <translation>Politi tilkaldt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="187"/>
        <source>Police arrived</source>
        <translation>Politiet ankom</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="189"/>
        <source>The police came on their own</source>
        <translation>Politiet kom af egen drift</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="191"/>
        <source>Arrests</source>
        <translation>Anholdelser</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="192"/>
        <source>Police report filed</source>
        <translation>Politianmeldt</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="194"/>
        <source>Police journal no.</source>
        <translation>Politiets journalnr.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_record.py" line="195"/>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
</context>
<context>
    <name>IncidentReview</name>
    <message>
        <location filename="../../ui/views/incident_review.py" line="51"/>
        <source>Sign off</source>
        <translation>Godkendelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="59"/>
        <source>&amp;Sign off</source>
        <translation>Go&amp;dkend</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="63"/>
        <source>&amp;Note (optional)</source>
        <translation>&amp;Bemærkning (valgfri)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="64"/>
        <source>Note (optional)</source>
        <translation>Bemærkning (valgfri)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="72"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="79"/>
        <source>&amp;Change severity</source>
        <translation>Æ&amp;ndr alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="85"/>
        <source>New se&amp;verity</source>
        <translation>Ny &amp;alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="86"/>
        <source>&amp;Reason (required)</source>
        <translation>Begr&amp;undelse (skal udfyldes)</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="87"/>
        <source>New severity</source>
        <translation>Ny alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="88"/>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="119"/>
        <source>Signed off by %1 on %2.</source>
        <translation>Godkendt af %1 den %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="122"/>
        <source>Waiting for review. Read the record, the classification and the duties, then sign off.</source>
        <translation>Afventer gennemgang. Læs registreringen, klassifikationen og opgaverne, og godkend derefter.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="128"/>
        <source>Set to %1 by a manager (the rules gave %2). Reason: %3</source>
        <translation>Sat til %1 af en leder (reglerne gav %2). Begrundelse: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_review.py" line="132"/>
        <source>%1, as the rules gave it. A change needs a reason and is kept in the history.</source>
        <translation>%1, som reglerne gav. En ændring kræver en begrundelse og gemmes i historikken.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../ui/models/incident_table.py" line="45"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="46"/>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="47"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="48"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="49"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="50"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="51"/>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="52"/>
        <source>Shift</source>
        <translation>Vagt</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="53"/>
        <source>Residents</source>
        <translation>Beboere</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="54"/>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="65"/>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="66"/>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="67"/>
        <source>Reviewed</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <location filename="../../ui/models/incident_table.py" line="68"/>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
</context>
<context>
    <name>IncidentView</name>
    <message>
        <location filename="../../ui/views/incident_view.py" line="101"/>
        <source>&amp;Reload</source>
        <translation>Genindlæ&amp;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="120"/>
        <source>R&amp;ecord</source>
        <translation>&amp;Hændelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="121"/>
        <source>C&amp;lassification</source>
        <translation>&amp;Klassifikation</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="122"/>
        <source>&amp;Duties</source>
        <translation>&amp;Opgaver</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="123"/>
        <source>&amp;History</source>
        <translation>H&amp;istorik</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="124"/>
        <source>N&amp;otes</source>
        <translation>Ti&amp;llæg</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="127"/>
        <source>Rev&amp;iew</source>
        <translation>&amp;Gennemgang</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="166"/>
        <source>Incident no. %1</source>
        <translation>Hændelse nr. %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="171"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="185"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="186"/>
        <source>Computed by the rules</source>
        <translation>Beregnet af reglerne</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="187"/>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="189"/>
        <source>Changed by a manager because</source>
        <translation>Ændret af en leder, fordi</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="191"/>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="193"/>
        <source>Taxonomy version</source>
        <translation>Taksonomiversion</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="228"/>
        <source>Signed off.</source>
        <translation>Godkendt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/incident_view.py" line="243"/>
        <source>The severity is now %1.</source>
        <translation>Alvoren er nu %1.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Reporter</source>
        <translation>Indberetter</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Det skete der</translation>
    </message>
    <message>
        <source>Not yet read by the reporter</source>
        <translation>Endnu ikke læst af indberetteren</translation>
    </message>
    <message>
        <source>Not read yet: %1 items, %2 reporters.</source>
        <translation>Ikke læst endnu: %1 meddelelser, %2 indberettere.</translation>
    </message>
    <message>
        <source>Every reporter has read what was done.</source>
        <translation>Alle indberettere har læst, hvad der er gjort.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="52"/>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="54"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="56"/>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="58"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="59"/>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="69"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="71"/>
        <source>Duty</source>
        <translation>Opgave</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="72"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="74"/>
        <source>Incident</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="80"/>
        <source>Resident</source>
        <translation>Beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="81"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="83"/>
        <source>Assessed</source>
        <translation>Vurderet</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="84"/>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="85"/>
        <source>Actions</source>
        <translation>Tiltag</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="89"/>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="90"/>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="91"/>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="117"/>
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="132"/>
        <source>The last 30 days</source>
        <translation>De seneste 30 dage</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="133"/>
        <source>Waiting for sign-off</source>
        <translation>Venter på godkendelse</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="134"/>
        <source>Open duties (overdue in red)</source>
        <translation>Åbne opgaver (overskredne med rødt)</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="135"/>
        <source>High Brøset risk (last 24 hours)</source>
        <translation>Høj risiko efter Brøset (seneste døgn)</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="136"/>
        <source>Open PSP action items</source>
        <translation>Åbne PSP-handlinger</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="169"/>
        <source>Since your last shift (%1)</source>
        <translation>Siden din sidste vagt (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="204"/>
        <source>%1 incidents, %2 of them serious (S3 or S4).</source>
        <translation>%1 hændelser, heraf %2 alvorlige (S3 eller S4).</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="206"/>
        <source>Nothing has been logged since your last shift.</source>
        <translation>Der er ikke registreret noget siden din sidste vagt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="214"/>
        <source>%1 incidents wait for sign-off, oldest first.</source>
        <translation>%1 hændelser venter på godkendelse, ældste først.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="216"/>
        <source>Every incident is signed off.</source>
        <translation>Alle hændelser er godkendt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="223"/>
        <source>%1 open, %2 overdue.</source>
        <translation>%1 åbne, %2 overskredet.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="225"/>
        <source>No open duties.</source>
        <translation>Ingen åbne opgaver.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="232"/>
        <source>No resident scored high.</source>
        <translation>Ingen beboere har en høj score.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="236"/>
        <source>No open action items.</source>
        <translation>Ingen åbne handlinger.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_sections.py" line="123"/>
        <source>By type (each incident once)</source>
        <translation>Efter type (hver hændelse én gang)</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_sections.py" line="124"/>
        <source>By severity</source>
        <translation>Efter alvor</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_sections.py" line="138"/>
        <source>%1 incidents from %2 to %3 (%4 in the 30 days before).</source>
        <translation>%1 hændelser fra %2 til %3 (%4 i de 30 dage før).</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_sections.py" line="148"/>
        <source>Other types</source>
        <translation>Andre typer</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_sections.py" line="153"/>
        <source>No incidents in the last 30 days.</source>
        <translation>Ingen hændelser de seneste 30 dage.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_sections.py" line="155"/>
        <source>Change from the 30 days before: %1.</source>
        <translation>Ændring fra de 30 dage før: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview.py" line="1"/>
        <source>Deadline&apos;s legal source</source>
        <translation>Fristens retsgrundlag</translation>
    </message>
</context>
<context>
    <name>Psp</name>
    <message>
        <location filename="../../ui/views/psp.py" line="47"/>
        <source>PSP cooperation</source>
        <translation>PSP-samarbejde</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp.py" line="58"/>
        <source>Meeti&amp;ngs</source>
        <translation>M&amp;øder</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp.py" line="59"/>
        <source>Action &amp;items</source>
        <translation>Hand&amp;linger</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp.py" line="60"/>
        <source>Agreements with the &amp;police</source>
        <translation>Aftaler med &amp;politiet</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp.py" line="61"/>
        <source>&amp;Cooperation notes</source>
        <translation>&amp;Samarbejdsnotater</translation>
    </message>
</context>
<context>
    <name>PspActions</name>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="57"/>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="59"/>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="60"/>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="62"/>
        <location filename="../../ui/views/psp_actions.py" line="77"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="63"/>
        <source>From meeting</source>
        <translation>Fra møde</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="64"/>
        <source>Carried to</source>
        <translation>Overført til</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="68"/>
        <source>Only &amp;open items</source>
        <translation>&amp;Kun åbne</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="72"/>
        <source>Action items</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="76"/>
        <source>Set &amp;status of the chosen item</source>
        <translation>Sæt status for d&amp;en valgte</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="78"/>
        <source>Se&amp;t</source>
        <translation>Sæ&amp;t</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="91"/>
        <source>New action item</source>
        <translation>Ny handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="93"/>
        <source>W&amp;hat</source>
        <translation>Hva&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="94"/>
        <source>&amp;Who (role or authority)</source>
        <translation>H&amp;vem (rolle eller myndighed)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="96"/>
        <source>&amp;Due</source>
        <translation>Fr&amp;ist</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="97"/>
        <source>&amp;Meeting</source>
        <translation>&amp;Møde</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="99"/>
        <source>Facilit&amp;y</source>
        <translation>Til&amp;bud</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="101"/>
        <source>&amp;Add action item</source>
        <translation>Tilføj &amp;handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="129"/>
        <source>(none)</source>
        <translation>(intet)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="132"/>
        <source>(shared)</source>
        <translation>(fælles)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="146"/>
        <source>Choose an action item first.</source>
        <translation>Vælg først en handling.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_actions.py" line="167"/>
        <source>“%1”: %2.</source>
        <translation>»%1«: %2.</translation>
    </message>
</context>
<context>
    <name>PspAgreements</name>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="59"/>
        <location filename="../../ui/views/psp_agreements.py" line="73"/>
        <source>Agreement</source>
        <translation>Aftale</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="60"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="61"/>
        <source>Police contact</source>
        <translation>Kontakt hos politiet</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="63"/>
        <source>Valid</source>
        <translation>Gyldig</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="64"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="66"/>
        <source>Scope</source>
        <translation>Indhold</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="70"/>
        <source>Agreements</source>
        <translation>Aftaler</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="75"/>
        <location filename="../../ui/views/psp_agreements.py" line="184"/>
        <source>Facilit&amp;y</source>
        <translation>&amp;Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="77"/>
        <source>&amp;Title</source>
        <translation>T&amp;itel</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="78"/>
        <source>Po&amp;lice contact</source>
        <translation>&amp;Kontakt hos politiet</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="80"/>
        <source>Scop&amp;e</source>
        <translation>Ind&amp;hold</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="83"/>
        <source>&amp;Valid from</source>
        <translation>Gyl&amp;dig fra</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="85"/>
        <source>Valid t&amp;o</source>
        <translation>G&amp;yldig til</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="87"/>
        <source>St&amp;atus</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="90"/>
        <source>&amp;Save agreement</source>
        <translation>G&amp;em aftale</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="91"/>
        <source>Ne&amp;w agreement</source>
        <translation>&amp;Ny aftale</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="155"/>
        <source>The agreement “%1” is saved.</source>
        <translation>Aftalen »%1« er gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="190"/>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="191"/>
        <source>&amp;Meeting</source>
        <translation>Mø&amp;de</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="193"/>
        <source>N&amp;ote</source>
        <translation>N&amp;otat</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="196"/>
        <source>&amp;Add note</source>
        <translation>Tilføj &amp;notat</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="213"/>
        <source>(no meeting)</source>
        <translation>(intet møde)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="231"/>
        <source>No notes yet.</source>
        <translation>Ingen notater endnu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="223"/>
        <source>C&amp;hange note…</source>
        <translation>R&amp;et notat…</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_agreements.py" line="295"/>
        <source>The note is saved.</source>
        <translation>Notatet er gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_note_dialog.py" line="23"/>
        <source>Change note</source>
        <translation>Ret notat</translation>
    </message>
</context>
<context>
    <name>PspLabels</name>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="13"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="14"/>
        <source>In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="15"/>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="16"/>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="19"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="20"/>
        <source>Pending</source>
        <translation>Afventer</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_labels.py" line="21"/>
        <source>Ended</source>
        <translation>Ophørt</translation>
    </message>
</context>
<context>
    <name>PspMeetings</name>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="86"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="87"/>
        <source>Police district</source>
        <translation>Politikreds</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="88"/>
        <source>Facilities</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="91"/>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="93"/>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="94"/>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="95"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="99"/>
        <source>Resident</source>
        <translation>Beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="100"/>
        <source>Legal basis</source>
        <translation>Hjemmel</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="101"/>
        <source>Decided by</source>
        <translation>Besluttet af</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="103"/>
        <source>Why it is necessary</source>
        <translation>Hvorfor det er nødvendigt</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="108"/>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="135"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="137"/>
        <source>Dat&amp;e</source>
        <translation>D&amp;ato</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="138"/>
        <source>Police dis&amp;trict</source>
        <translation>Pol&amp;itikreds</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="141"/>
        <source>Faci&amp;lities</source>
        <translation>&amp;Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="143"/>
        <source>Participants (by r&amp;ole)</source>
        <translation>&amp;Deltagere (efter rolle)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="144"/>
        <source>&amp;Agenda</source>
        <translation>Dagsorde&amp;n</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="148"/>
        <source>C&amp;reate meeting</source>
        <translation>&amp;Opret møde</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="165"/>
        <location filename="../../ui/views/psp_meetings.py" line="166"/>
        <source>&amp;Minutes</source>
        <translation>R&amp;eferat</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="167"/>
        <source>Sa&amp;ve the minutes</source>
        <translation>Ge&amp;m referatet</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="171"/>
        <source>Action items at this meeting (new and carried over)</source>
        <translation>Handlinger på dette møde (nye og overførte)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="173"/>
        <source>Residents named to this meeting (disclosure decisions)</source>
        <translation>Beboere, der må nævnes på dette møde (beslutninger om videregivelse)</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="190"/>
        <source>Name a resident to this meeting</source>
        <translation>Beslut at nævne en beboer på dette møde</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="193"/>
        <source>Re&amp;sident</source>
        <translation>&amp;Beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="195"/>
        <source>&amp;Why it is necessary</source>
        <translation>&amp;Hvorfor det er nødvendigt</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="199"/>
        <source>Legal &amp;basis</source>
        <translation>H&amp;jemmel</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="202"/>
        <source>Only what is necessary for the cooperation may be shared, and never for investigating a criminal case. The decision is logged.</source>
        <translation>Kun det, der er nødvendigt for samarbejdet, må deles – aldrig til efterforskning af en straffesag. Beslutningen logges.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="206"/>
        <source>Record the &amp;decision</source>
        <translation>Registrér besl&amp;utningen</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="242"/>
        <source>Meeting on %1, %2</source>
        <translation>Møde den %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="244"/>
        <source>Participants: %1</source>
        <translation>Deltagere: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="245"/>
        <source>Agenda: %1</source>
        <translation>Dagsorden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="246"/>
        <source>Created by %1</source>
        <translation>Oprettet af %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="273"/>
        <source>The meeting on %1 is created; open action items are carried over to it.</source>
        <translation>Mødet den %1 er oprettet; åbne handlinger er overført til det.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="287"/>
        <source>The minutes are saved.</source>
        <translation>Referatet er gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/psp_meetings.py" line="305"/>
        <source>%1 may be named at this meeting; the decision is logged.</source>
        <translation>%1 må nævnes på dette møde; beslutningen er logget.</translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <source>Known as</source>
        <translation>Kaldes</translation>
    </message>
    <message>
        <source>First name or &amp;call name</source>
        <translation>Fornavn eller &amp;kaldenavn</translation>
    </message>
    <message>
        <source>Shown to the facility's staff, never in reports</source>
        <translation>Vises for tilbuddets personale, aldrig i rapporter</translation>
    </message>
    <message>
        <source>Save na&amp;me</source>
        <translation>Ge&amp;m navn</translation>
    </message>
    <message>
        <source>&amp;Known as (first name or call name)</source>
        <translation>K&amp;aldes (fornavn eller kaldenavn)</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="58"/>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="59"/>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="60"/>
        <source>Moved in</source>
        <translation>Flyttet ind</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="61"/>
        <source>Moved out</source>
        <translation>Flyttet ud</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="66"/>
        <source>Show residents who moved &amp;out</source>
        <translation>Vis fraflyttede &amp;beboere</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="68"/>
        <location filename="../../ui/views/residents.py" line="274"/>
        <source>Residents</source>
        <translation>Beboere</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="71"/>
        <source>Facilit&amp;y</source>
        <translation>&amp;Tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="102"/>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="104"/>
        <source>&amp;Purpose</source>
        <translation>Form&amp;ål</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="106"/>
        <source>Why you need to know who this is (logged)</source>
        <translation>Hvorfor du skal vide, hvem det er (logges)</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="108"/>
        <source>Sho&amp;w identity</source>
        <translation>&amp;Vis identitet</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="120"/>
        <source>Residents are shown by pseudonym only. Looking up who a pseudonym is needs the identity permission (managers).</source>
        <translation>Beboere vises kun med pseudonym. Opslag af hvem et pseudonym dækker over kræver adgang til identiteter (ledere).</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="130"/>
        <source>Move-out</source>
        <translation>Fraflytning</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="132"/>
        <source>Mo&amp;ved out on</source>
        <translation>Fraflyttet d&amp;en</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="134"/>
        <source>Record move-ou&amp;t</source>
        <translation>Regi&amp;strér fraflytning</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="143"/>
        <source>New resident</source>
        <translation>Ny beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="145"/>
        <source>F&amp;acility</source>
        <translation>T&amp;ilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="147"/>
        <source>Pseu&amp;donym</source>
        <translation>&amp;Pseudonym</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="149"/>
        <source>Full &amp;name (key)</source>
        <translation>Fulde &amp;navn (nøgle)</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="151"/>
        <source>Date of birt&amp;h</source>
        <translation>Fø&amp;dselsdato</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="153"/>
        <source>Mov&amp;ed in on</source>
        <translation>F&amp;lyttet ind den</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="155"/>
        <source>Add re&amp;sident</source>
        <translation>Tilf&amp;øj beboer</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="173"/>
        <source>All facilities</source>
        <translation>Alle tilbud</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="200"/>
        <source>Choose a resident in the list first.</source>
        <translation>Vælg først en beboer i listen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="215"/>
        <source>%1 is %2.</source>
        <translation>%1 er %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="216"/>
        <source>(no name recorded)</source>
        <translation>(intet navn registreret)</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="218"/>
        <source>Born %1.</source>
        <translation>Født %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="247"/>
        <source>%1 is saved.</source>
        <translation>%1 er gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="278"/>
        <source>&amp;Residents</source>
        <translation>Beb&amp;oere</translation>
    </message>
    <message>
        <location filename="../../ui/views/residents.py" line="279"/>
        <source>&amp;Brøset (BVC)</source>
        <translation>Brøset (BV&amp;C)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Warn when the disk has less free space than (&amp;MB, 0 = never)</source>
        <translation>Advar, når der er mindre fri plads på disken end (&amp;MB, 0 = aldrig)</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="23"/>
        <source>&amp;Lock the window after this many idle minutes</source>
        <translation>&amp;Lås vinduet efter så mange minutter uden brug</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="24"/>
        <source>Default la&amp;nguage</source>
        <translation>Standard&amp;sprog</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="39"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="40"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="61"/>
        <source>Sa&amp;ve settings</source>
        <translation>G&amp;em indstillinger</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="65"/>
        <source>The settings apply to every PC that uses this database. Deadlines apply to duties opened from now on.</source>
        <translation>Indstillingerne gælder for alle pc&apos;er, der bruger denne database. Frister gælder for opgaver, der oprettes fra nu af.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="108"/>
        <source>Nothing was changed.</source>
        <translation>Intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/views/settings.py" line="120"/>
        <source>The settings are saved.</source>
        <translation>Indstillingerne er gemt.</translation>
    </message>
    <message>
        <source>Lock a user out after this many &amp;wrong passwords</source>
        <translation>S&amp;pær en bruger efter så mange forkerte adgangskoder</translation>
    </message>
    <message>
        <source>A lock-&amp;out lasts (minutes, unless an administrator unlocks)</source>
        <translation>En spærring varer (minutter, medmindre en administrator låser &amp;op)</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../ui/views/conflict.py" line="29"/>
        <source>&amp;Reload</source>
        <translation>Genindlæ&amp;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="55"/>
        <source>Someone else changed this record after you opened it. Reload it and make your change again.</source>
        <translation>En anden har ændret posten, efter du åbnede den. Genindlæs den, og foretag din ændring igen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="59"/>
        <source>You do not have access to this.</source>
        <translation>Du har ikke adgang til dette.</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="61"/>
        <source>The record no longer exists.</source>
        <translation>Posten findes ikke længere.</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="63"/>
        <source>Wrong user name or password.</source>
        <translation>Forkert brugernavn eller adgangskode.</translation>
    </message>
    <message>
        <location filename="../../ui/views/common.py" line="64"/>
        <source>Something went wrong, and it was not done. Try again; if it happens again, call your administrator.</source>
        <translation>Noget gik galt, og det blev ikke udført. Prøv igen; sker det igen, så ring til din administrator.</translation>
    </message>
    <message>
        <source>Not done: this needs your password again. Try once more and type it.</source>
        <translation>Ikke udført: det kræver din adgangskode igen. Prøv en gang til, og skriv den.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Export the audit log</source>
        <translation>Eksportér adgangsloggen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>e.g. H-107</source>
        <translation>fx H-107</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>Us&amp;er</source>
        <translation>&amp;Bruger</translation>
    </message>
    <message>
        <source>&amp;Resident</source>
        <translation>B&amp;eboer</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Handling</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>Fr&amp;a</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Til</translation>
    </message>
    <message>
        <source>Audit rows</source>
        <translation>Logrækker</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Eksportér &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Eksportér &amp;XLSX…</translation>
    </message>
    <message>
        <source>Chec&amp;k the chain</source>
        <translation>&amp;Kontrollér kæden</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>The chain is whole: %1 rows checked; the newest is row %2 (%3).</source>
        <translation>Kæden er hel: %1 rækker kontrolleret; den nyeste er række %2 (%3).</translation>
    </message>
    <message>
        <source>%1 rows shown; scroll for more.</source>
        <translation>%1 rækker vist; rul for flere.</translation>
    </message>
    <message>
        <source>%1 rows.</source>
        <translation>%1 rækker.</translation>
    </message>
    <message>
        <source>Exported to %1. The file holds personal data: keep it only as long as needed.</source>
        <translation>Eksporteret til %1. Filen indeholder personoplysninger: gem den kun, så længe den skal bruges.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Beboere</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Beboer</translation>
    </message>
    <message>
        <source>Resident&apos;s identity</source>
        <translation>Beboerens identitet</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Tilbud</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Indstilling</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Opgave</translation>
    </message>
    <message>
        <source>Brøset score</source>
        <translation>Brøset-score</translation>
    </message>
    <message>
        <source>Drug-trade observation</source>
        <translation>Narkotikaobservation</translation>
    </message>
    <message>
        <source>Drug-trade pattern</source>
        <translation>Narkotikamønster</translation>
    </message>
    <message>
        <source>PSP meeting</source>
        <translation>PSP-møde</translation>
    </message>
    <message>
        <source>PSP note</source>
        <translation>PSP-note</translation>
    </message>
    <message>
        <source>PSP action item</source>
        <translation>PSP-opfølgningspunkt</translation>
    </message>
    <message>
        <source>PSP disclosure</source>
        <translation>PSP-videregivelse</translation>
    </message>
    <message>
        <source>PSP pack</source>
        <translation>PSP-pakke</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Månedsrapport</translation>
    </message>
    <message>
        <source>PSP report</source>
        <translation>PSP-rapport</translation>
    </message>
    <message>
        <source>PSP report&apos;s tables</source>
        <translation>PSP-rapportens tabeller</translation>
    </message>
    <message>
        <source>Internal list behind a PSP report</source>
        <translation>Intern liste bag en PSP-rapport (må ikke udleveres)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>%1 (list)</source>
        <translation>%1 (liste)</translation>
    </message>
</context>
<context>
    <name>OneTimePassword</name>
    <message>
        <source>One-time password</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <source>The new one-time password for %1:</source>
        <translation>Den nye engangskode til %1:</translation>
    </message>
    <message>
        <source>Hand it over in person. It is shown only now; at the next login the user must choose their own password.</source>
        <translation>Giv den personligt videre. Den vises kun nu; ved næste login skal brugeren vælge sin egen adgangskode.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
</context>
<context>
    <name>ReporterFeedback</name>
    <message>
        <source>%1 added a note, %2</source>
        <translation>%1 tilføjede en note, %2</translation>
    </message>
    <message>
        <source>%1 added a review note, %2</source>
        <translation>%1 tilføjede en gennemgangsnote, %2</translation>
    </message>
    <message>
        <source>%1 asked for a correction, %2</source>
        <translation>%1 bad om en rettelse, %2</translation>
    </message>
    <message>
        <source>signed off by %1, %2</source>
        <translation>godkendt af %1, %2</translation>
    </message>
    <message>
        <source>the duty &quot;%1&quot; was closed by %2, %3</source>
        <translation>pligten &quot;%1&quot; blev afsluttet af %2, %3</translation>
    </message>
    <message>
        <source>followed up by %1, %2</source>
        <translation>fulgt op af %1, %2</translation>
    </message>
    <message>
        <source>Incident %1 (%2, %3)</source>
        <translation>Hændelse %1 (%2, %3)</translation>
    </message>
    <message>
        <source>What happened with your report</source>
        <translation>Det skete der med din indberetning</translation>
    </message>
    <message>
        <source>&amp;Open the incident</source>
        <translation>&amp;Åbn hændelsen</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>&amp;Markér som læst</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Senere</translation>
    </message>
    <message>
        <source>What happened with your incidents</source>
        <translation>Det skete der med dine hændelser</translation>
    </message>
    <message>
        <source>This is what has been done with the incidents you reported since you last read it (%1). Open an incident to read more, or mark it all as read.</source>
        <translation>Her er, hvad der er gjort med de hændelser, du har indberettet, siden du sidst læste det (%1). Åbn en hændelse for at læse mere, eller markér det hele som læst.</translation>
    </message>
</context>
</TS>
