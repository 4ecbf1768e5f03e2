<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
    <context>
        <name>CommonSection</name>
        <message>
            <source>2. When, where and who</source>
            <translation>2. Hvornår, hvor og hvem</translation>
        </message>
        <message>
            <source>Facility:</source>
            <translation>Tilbud:</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Tilbud</translation>
        </message>
        <message>
            <source>Ti&amp;me:</source>
            <translation>&amp;Tidspunkt:</translation>
        </message>
        <message>
            <source>When it happened</source>
            <translation>Hvornår det skete</translation>
        </message>
        <message>
            <source>E&amp;nded:</source>
            <translation>&amp;Afsluttet:</translation>
        </message>
        <message>
            <source>When it ended</source>
            <translation>Hvornår det sluttede</translation>
        </message>
        <message>
            <source>known</source>
            <translation>kendt</translation>
        </message>
        <message>
            <source>&amp;Place:</source>
            <translation>St&amp;ed:</translation>
        </message>
        <message>
            <source>Place on the premises</source>
            <translation>Sted på matriklen</translation>
        </message>
        <message>
            <source>Residents:</source>
            <translation>Beboere:</translation>
        </message>
        <message>
            <source>Residents involved</source>
            <translation>Involverede beboere</translation>
        </message>
        <message>
            <source>Narrati&amp;ve:</source>
            <translation>&amp;Beskrivelse:</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Hvad der skete</translation>
        </message>
        <message>
            <source>What happened, what came before, what was done. Facts only; residents by pseudonym, no CPR numbers.</source>
            <translation>Hvad skete der, hvad gik forud, hvad blev gjort? Kun fakta; beboere med pseudonym, ingen CPR-numre.</translation>
        </message>
        <message>
            <source>– not given –</source>
            <translation>– ikke angivet –</translation>
        </message>
        <message>
            <source>Shift: %1 – %2</source>
            <translation>Vagt: %1 – %2</translation>
        </message>
        <message>
            <source>summer time</source>
            <translation>sommertid</translation>
        </message>
        <message>
            <source>winter time</source>
            <translation>vintertid</translation>
        </message>
        <message>
            <source>e.g. 0240</source>
            <translation>fx 0240</translation>
        </message>
        <message>
            <source>Reported by: %1</source>
            <translation>Indberettet af: %1</translation>
        </message>
    </context>
    <context>
        <name>DamageSection</name>
        <message>
            <source>Damage</source>
            <translation>Skade på ting</translation>
        </message>
    </context>
    <context>
        <name>DraftOfferDialog</name>
        <message>
            <source>Unsubmitted incident</source>
            <translation>Ikke-indsendt hændelse</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Fortsæt</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Kassér</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Senere</translation>
        </message>
        <message>
            <source>Unsubmitted incidents</source>
            <translation>Ikke-indsendte hændelser</translation>
        </message>
        <message>
            <source>You have an unsubmitted incident from %1. Continue with it, or discard it?</source>
            <translation>Du har en ikke-indsendt hændelse fra %1. Vil du fortsætte med den eller kassere den?</translation>
        </message>
        <message>
            <source>You have %1 unsubmitted incidents. Choose one to continue with or to discard; the others are offered again next time.</source>
            <translation>Du har %1 ikke-indsendte hændelser. Vælg den, du vil fortsætte med eller kassere; de andre tilbydes igen næste gang.</translation>
        </message>
    </context>
    <context>
        <name>DrugSection</name>
        <message>
            <source>Drug-trade observation</source>
            <translation>Observation af narkotikahandel</translation>
        </message>
        <message>
            <source>Substanc&amp;es:</source>
            <translation>&amp;Hvilke stoffer:</translation>
        </message>
        <message>
            <source>Substances, separated by commas</source>
            <translation>Stoffer, adskilt med komma</translation>
        </message>
        <message>
            <source>Number of se&amp;llers:</source>
            <translation>Antal s&amp;ælgere:</translation>
        </message>
        <message>
            <source>Number of sellers</source>
            <translation>Antal sælgere</translation>
        </message>
        <message>
            <source>Sellers &amp;described:</source>
            <translation>Sælgere beskre&amp;vet:</translation>
        </message>
        <message>
            <source>Description of the sellers</source>
            <translation>Beskrivelse af sælgerne</translation>
        </message>
        <message>
            <source>Number of &amp;buyers:</source>
            <translation>Antal &amp;købere:</translation>
        </message>
        <message>
            <source>Number of buyers</source>
            <translation>Antal købere</translation>
        </message>
        <message>
            <source>Bu&amp;yers described:</source>
            <translation>Købere be&amp;skrevet:</translation>
        </message>
        <message>
            <source>Description of the buyers</source>
            <translation>Beskrivelse af køberne</translation>
        </message>
        <message>
            <source>Vehicles:</source>
            <translation>Køretøjer:</translation>
        </message>
        <message>
            <source>Outsiders were on the premises</source>
            <translation>Udefrakommende var på matriklen</translation>
        </message>
        <message>
            <source>Vehicles seen</source>
            <translation>Køretøjer set</translation>
        </message>
        <message>
            <source>Money or &amp;quantity seen:</source>
            <translation>Penge eller &amp;mængde set:</translation>
        </message>
        <message>
            <source>Money or quantity seen</source>
            <translation>Penge eller mængde set</translation>
        </message>
    </context>
    <context>
        <name>EntryRows</name>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Who was injured</source>
            <translation>Hvem kom til skade</translation>
        </message>
        <message>
            <source>Injured resident</source>
            <translation>Skadet beboer</translation>
        </message>
        <message>
            <source>Injury level</source>
            <translation>Skadens omfang</translation>
        </message>
        <message>
            <source>Body part</source>
            <translation>Kropsdel</translation>
        </message>
        <message>
            <source>Absent from</source>
            <translation>Fravær fra</translation>
        </message>
        <message>
            <source>First day of absence</source>
            <translation>Første fraværsdag</translation>
        </message>
        <message>
            <source>Description (no names), e.g. man about 30, dark jacket</source>
            <translation>Beskrivelse (ingen navne), fx mand omkring 30, mørk jakke</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beskrivelse</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>Number of persons</source>
            <translation>Antal personer</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Kode:</translation>
        </message>
        <message>
            <source>Facility code</source>
            <translation>Tilbuddets kode</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Navn:</translation>
        </message>
        <message>
            <source>Facility name</source>
            <translation>Tilbuddets navn</translation>
        </message>
        <message>
            <source>&amp;Municipality:</source>
            <translation>Ko&amp;mmune:</translation>
        </message>
        <message>
            <source>Municipality</source>
            <translation>Kommune</translation>
        </message>
        <message>
            <source>P&amp;olice district:</source>
            <translation>&amp;Politikreds:</translation>
        </message>
        <message>
            <source>Police district</source>
            <translation>Politikreds</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Brugernavn:</translation>
        </message>
        <message>
            <source>Administrator's user name</source>
            <translation>Administratorens brugernavn</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Fulde navn:</translation>
        </message>
        <message>
            <source>Administrator's full name</source>
            <translation>Administratorens fulde navn</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Adgangskode:</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Adgangskode</translation>
        </message>
        <message>
            <source>Password &amp;again:</source>
            <translation>Adgangskode &amp;igen:</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Adgangskode igen</translation>
        </message>
        <message>
            <source>SafetyLog – first start</source>
            <translation>SafetyLog – første start</translation>
        </message>
        <message>
            <source>Set up SafetyLog</source>
            <translation>Opsæt SafetyLog</translation>
        </message>
        <message>
            <source>The database is empty. Enter your facility and the first administrator. The administrator creates the other users afterwards.</source>
            <translation>Databasen er tom. Angiv jeres tilbud og den første administrator. Administratoren opretter bagefter de andre brugere.</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>Tilbud</translation>
        </message>
        <message>
            <source>First administrator</source>
            <translation>Første administrator</translation>
        </message>
        <message>
            <source>C&amp;reate and log in</source>
            <translation>&amp;Opret og log ind</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>De to adgangskoder er ikke ens.</translation>
        </message>
        <message>
            <source>SafetyLog is already set up. Close this window and log in.</source>
            <translation>SafetyLog er allerede sat op. Luk dette vindue, og log ind.</translation>
        </message>
        <message>
            <source>The set-up failed, and nothing was saved. Check that the data folder can be written to, and try again.</source>
            <translation>Opsætningen mislykkedes, og intet blev gemt. Tjek, at der kan skrives i datamappen, og prøv igen.</translation>
        </message>
    </context>
    <context>
        <name>SpaceLine</name>
        <message>
            <source>Little space is left on the disk: %1 MB free (the warning starts below %2 MB). Free some space, or call your administrator, before the disk is full and nothing can be saved.</source>
            <translation>Der er kun lidt plads tilbage på disken: %1 MB fri (advarslen kommer under %2 MB). Frigør plads, eller ring til din administrator, før disken bliver fuld, og intet kan gemmes.</translation>
        </message>
    </context>
    <context>
        <name>IncidentFields</name>
        <message>
            <source>Staff on duty</source>
            <translation>Medarbejdere på vagt</translation>
        </message>
        <message>
            <source>Staff on duty:</source>
            <translation>Medarbejdere på vagt:</translation>
        </message>
        <message>
            <source>how many were at work when it happened, you included</source>
            <translation>hvor mange der var på arbejde, da det skete – dig selv medregnet</translation>
        </message>
        <message>
            <source>On duty</source>
            <translation>På vagt</translation>
        </message>
        <message>
            <source>What was damaged</source>
            <translation>Hvad blev beskadiget</translation>
        </message>
        <message>
            <source>What was &amp;lost or damaged:</source>
            <translation>&amp;Hvad blev mistet eller beskadiget:</translation>
        </message>
        <message>
            <source>Estimated cost (kr.)</source>
            <translation>Anslået pris (kr.)</translation>
        </message>
        <message>
            <source>&amp;Estimated cost (kr.):</source>
            <translation>Anslået pris (&amp;kr.):</translation>
        </message>
        <message>
            <source>Ambulance called</source>
            <translation>Ambulance tilkaldt</translation>
        </message>
        <message>
            <source>Debriefing offered</source>
            <translation>Debriefing tilbudt</translation>
        </message>
        <message>
            <source>Debriefing &amp;was offered to staff</source>
            <translation>Personalet fik tilbudt opf&amp;ølgning (debriefing)</translation>
        </message>
    </context>
    <context>
        <name>FormDiscard</name>
        <message>
            <source>Undo discard</source>
            <translation>Fortryd kasseringen</translation>
        </message>
        <message>
            <source>Brings back the discarded form, as long as this window is open</source>
            <translation>Henter den kasserede formular tilbage, så længe vinduet er åbent</translation>
        </message>
        <message>
            <source>Discard the form?</source>
            <translation>Kassér formularen?</translation>
        </message>
        <message>
            <source>Everything typed in this form is removed, also its saved draft. You can undo it until the window is closed.</source>
            <translation>Alt, hvad der er skrevet i formularen, fjernes – også den gemte kladde. Du kan fortryde, indtil vinduet lukkes.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Kassér</translation>
        </message>
        <message>
            <source>&amp;Keep the form</source>
            <translation>&amp;Behold formularen</translation>
        </message>
    </context>
    <context>
        <name>IncidentForm</name>
        <message>
            <source>New incident</source>
            <translation>Ny hændelse</translation>
        </message>
        <message>
            <source>1. What happened?</source>
            <translation>1. Hvad skete der?</translation>
        </message>
        <message>
            <source>&amp;Submit (Ctrl+Enter)</source>
            <translation>I&amp;ndsend (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Discard the form</source>
            <translation>Kassér formularen</translation>
        </message>
        <message>
            <source>Draft saved %1</source>
            <translation>Kladde gemt %1</translation>
        </message>
        <message>
            <source>Not saved – nothing you typed is lost. %1</source>
            <translation>Ikke gemt – intet af det, du har skrevet, er tabt. %1</translation>
        </message>
        <message>
            <source>Not saved – nothing you typed is lost. It stays here and is saved as a draft by itself as soon as there is room; then submit again.</source>
            <translation>Ikke gemt – intet af det, du har skrevet, er tabt. Det bliver her og gemmes af sig selv som kladde, så snart der er plads; indsend så igen.</translation>
        </message>
    </context>
    <context>
        <name>InjuriesSection</name>
        <message>
            <source>Add injur&amp;y</source>
            <translation>Tilføj s&amp;kade</translation>
        </message>
        <message>
            <source>Injuries</source>
            <translation>Personskade</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Night staff</source>
            <translation>Nattevagt</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Personale</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>Leder</translation>
        </message>
        <message>
            <source>PSP coordinator</source>
            <translation>PSP-koordinator</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Day shift</source>
            <translation>Dagvagt</translation>
        </message>
        <message>
            <source>Evening shift</source>
            <translation>Aftenvagt</translation>
        </message>
        <message>
            <source>Night shift</source>
            <translation>Nattevagt</translation>
        </message>
        <message>
            <source>S1 Low</source>
            <translation>S1 Lav</translation>
        </message>
        <message>
            <source>S2 Moderate</source>
            <translation>S2 Moderat</translation>
        </message>
        <message>
            <source>S3 Serious</source>
            <translation>S3 Alvorlig</translation>
        </message>
        <message>
            <source>S4 Critical</source>
            <translation>S4 Kritisk</translation>
        </message>
        <message>
            <source>Aggressor</source>
            <translation>Udøver</translation>
        </message>
        <message>
            <source>Victim</source>
            <translation>Offer</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Vidne</translation>
        </message>
        <message>
            <source>Seller</source>
            <translation>Sælger</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Køber</translation>
        </message>
        <message>
            <source>Involved</source>
            <translation>Involveret</translation>
        </message>
        <message>
            <source>Intervened</source>
            <translation>Greb ind</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Beboer</translation>
        </message>
        <message>
            <source>Staff member</source>
            <translation>Medarbejder</translation>
        </message>
        <message>
            <source>Outsider</source>
            <translation>Udefrakommende</translation>
        </message>
        <message>
            <source>No injury</source>
            <translation>Ingen skade</translation>
        </message>
        <message>
            <source>Felt threatened</source>
            <translation>Følte sig truet</translation>
        </message>
        <message>
            <source>Pain under 10 minutes</source>
            <translation>Smerte under 10 minutter</translation>
        </message>
        <message>
            <source>Pain over 10 minutes</source>
            <translation>Smerte over 10 minutter</translation>
        </message>
        <message>
            <source>Visible injury</source>
            <translation>Synlig skade</translation>
        </message>
        <message>
            <source>Treated, not by a physician</source>
            <translation>Behandlet, ikke af læge</translation>
        </message>
        <message>
            <source>Treated by a physician</source>
            <translation>Behandlet af læge</translation>
        </message>
        <message>
            <source>Hospital</source>
            <translation>Hospital</translation>
        </message>
        <message>
            <source>Death</source>
            <translation>Død</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Ingen</translation>
        </message>
        <message>
            <source>Talk</source>
            <translation>Samtale</translation>
        </message>
        <message>
            <source>Calmly led away</source>
            <translation>Roligt ført væk</translation>
        </message>
        <message>
            <source>Physical guidance (§ 124 b)</source>
            <translation>Fysisk guidning (§ 124 b)</translation>
        </message>
        <message>
            <source>Conflict aversion (§ 124 b, 2)</source>
            <translation>Konfliktafværgelse (§ 124 b, stk. 2)</translation>
        </message>
        <message>
            <source>Brief hold (§ 124 c)</source>
            <translation>Kortvarig fastholdelse (§ 124 c)</translation>
        </message>
        <message>
            <source>Hold or lead back (§ 124 d)</source>
            <translation>Fastholdelse eller tilbageførsel (§ 124 d)</translation>
        </message>
        <message>
            <source>Self-defence or necessity</source>
            <translation>Nødværge eller nødret</translation>
        </message>
        <message>
            <source>PRN medication offered</source>
            <translation>PN-medicin tilbudt</translation>
        </message>
        <message>
            <source>Police called</source>
            <translation>Politi tilkaldt</translation>
        </message>
        <message>
            <source>Ambulance called</source>
            <translation>Ambulance tilkaldt</translation>
        </message>
        <message>
            <source>Acute psychiatry contacted</source>
            <translation>Akutpsykiatrien kontaktet</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Andet</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>Salg</translation>
        </message>
        <message>
            <source>Handover</source>
            <translation>Overlevering</translation>
        </message>
        <message>
            <source>Unknown visitors</source>
            <translation>Ukendte besøgende</translation>
        </message>
        <message>
            <source>Cash seen</source>
            <translation>Kontanter set</translation>
        </message>
        <message>
            <source>Paraphernalia</source>
            <translation>Remedier</translation>
        </message>
        <message>
            <source>Intoxication</source>
            <translation>Påvirkning</translation>
        </message>
        <message>
            <source>Resident's room</source>
            <translation>Beboers bolig</translation>
        </message>
        <message>
            <source>Common area</source>
            <translation>Fællesareal</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Kontor</translation>
        </message>
        <message>
            <source>Outdoors on the premises</source>
            <translation>Udendørs på matriklen</translation>
        </message>
        <message>
            <source>Entrance</source>
            <translation>Indgang</translation>
        </message>
        <message>
            <source>Off the premises</source>
            <translation>Uden for matriklen</translation>
        </message>
        <message>
            <source>Use-of-force case (SBST form)</source>
            <translation>Magtanvendelse (SBST-skema)</translation>
        </message>
        <message>
            <source>Work injury (EASY)</source>
            <translation>Arbejdsskade (EASY)</translation>
        </message>
        <message>
            <source>Police report</source>
            <translation>Politianmeldelse</translation>
        </message>
        <message>
            <source>Report to DPSD (adverse event)</source>
            <translation>Indberet til DPSD (utilsigtet hændelse)</translation>
        </message>
        <message>
            <source>Include in the PSP summary</source>
            <translation>Med i PSP-opsamlingen</translation>
        </message>
        <message>
            <source>Data-protection officer</source>
            <translation>Databeskyttelsesrådgiver</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Læst</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Søgning</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Oprettet</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Ændret</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Slettet</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Eksport</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Udskrift</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>Failed login</source>
            <translation>Mislykket login</translation>
        </message>
        <message>
            <source>Logout</source>
            <translation>Log ud</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Låst</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Låst op</translation>
        </message>
        <message>
            <source>Disclosure</source>
            <translation>Videregivelse</translation>
        </message>
        <message>
            <source>Denied attempt</source>
            <translation>Afvist forsøg</translation>
        </message>
        <message>
            <source>Password changed</source>
            <translation>Adgangskode skiftet</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>Adgangskode nulstillet</translation>
        </message>
        <message>
            <source>User locked out</source>
            <translation>Bruger spærret</translation>
        </message>
        <message>
            <source>User unlocked</source>
            <translation>Bruger låst op</translation>
        </message>
        <message>
            <source>Password confirmed</source>
            <translation>Adgangskode bekræftet</translation>
        </message>
        <message>
            <source>Login refused</source>
            <translation>Login afvist</translation>
        </message>
        <message>
            <source>Audit log checked</source>
            <translation>Adgangslog kontrolleret</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>SafetyLog is locked</source>
            <translation>SafetyLog er låst</translation>
        </message>
        <message>
            <source>Locked while %1 was logged in. Unsaved input is kept. Log in as the same or another user to go on.</source>
            <translation>Låst, mens %1 var logget ind. Det, der ikke er indsendt, er gemt. Log ind som den samme eller en anden bruger for at fortsætte.</translation>
        </message>
        <message>
            <source>SafetyLog is locked. Unlock in the main window.</source>
            <translation>SafetyLog er låst. Lås op i hovedvinduet.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>SafetyLog – log in</source>
            <translation>SafetyLog – log ind</translation>
        </message>
        <message>
            <source>Log in to SafetyLog</source>
            <translation>Log ind i SafetyLog</translation>
        </message>
        <message>
            <source>Use your own login. A shared login is not a personal login.</source>
            <translation>Brug dit eget login. Et fælles login er ikke et personligt login.</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
    </context>
    <context>
        <name>LoginForm</name>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Brugernavn:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Adgangskode:</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Brugernavn</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Adgangskode</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>&amp;Log ind</translation>
        </message>
        <message>
            <source>Wrong user name or password. Try again.</source>
            <translation>Forkert brugernavn eller adgangskode. Prøv igen.</translation>
        </message>
        <message>
            <source>Wait %1 seconds before you try again: the password was wrong too many times.</source>
            <translation>Vent %1 sekunder, før du prøver igen: adgangskoden var forkert for mange gange.</translation>
        </message>
        <message>
            <source>Your user is locked after too many wrong passwords. An administrator can unlock it, or it opens again by itself in %1 minutes.</source>
            <translation>Din bruger er låst efter for mange forkerte adgangskoder. En administrator kan låse den op, ellers åbner den igen af sig selv om %1 minutter.</translation>
        </message>
        <message>
            <source>The database could not be opened. Try again, or call your administrator.</source>
            <translation>Databasen kunne ikke åbnes. Prøv igen, eller ring til jeres administrator.</translation>
        </message>
        <message>
            <source>The database file is damaged and cannot be opened; nothing has been written to it. Restore the latest backup, or call your administrator.</source>
            <translation>Databasefilen er beskadiget og kan ikke åbnes; der er ikke skrevet noget i den. Gendan den seneste sikkerhedskopi, eller ring til jeres administrator.</translation>
        </message>
        <message>
            <source>Your user has been deactivated. Talk to your administrator.</source>
            <translation>Din bruger er deaktiveret. Tal med jeres administrator.</translation>
        </message>
        <message>
            <source>Your login has expired or was ended. Log in again to go on.</source>
            <translation>Dit login er udløbet eller afsluttet. Log ind igen for at fortsætte.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>SafetyLog</source>
            <translation>SafetyLog</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Filer</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Lås</translation>
        </message>
        <message>
            <source>Log &amp;out</source>
            <translation>Log &amp;ud</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Afslut</translation>
        </message>
        <message>
            <source>&amp;Go to</source>
            <translation>&amp;Gå til</translation>
        </message>
        <message>
            <source>Lang&amp;uage</source>
            <translation>Sp&amp;rog</translation>
        </message>
        <message>
            <source>User: %1</source>
            <translation>Bruger: %1</translation>
        </message>
        <message>
            <source>Role: %1</source>
            <translation>Rolle: %1</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <source>Change &amp;password…</source>
            <translation>Skift &amp;adgangskode…</translation>
        </message>
        <message>
            <source>Your password is changed.</source>
            <translation>Din adgangskode er ændret.</translation>
        </message>
        <message>
            <source>Show the &amp;page list</source>
            <translation>Vis &amp;sidelisten</translation>
        </message>
    </context>
    <context>
        <name>MeasuresSection</name>
        <message>
            <source>Measures taken</source>
            <translation>Tiltag</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>Overview</source>
            <translation>Overblik</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Hændelser</translation>
        </message>
        <message>
            <source>New incident</source>
            <translation>Ny hændelse</translation>
        </message>
        <message>
            <source>Drug-trade observations</source>
            <translation>Narkotikaobservationer</translation>
        </message>
        <message>
            <source>PSP</source>
            <translation>PSP</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Beboere</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Rapporter</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Adgangslog</translation>
        </message>
    </context>
    <context>
        <name>OutsidersSection</name>
        <message>
            <source>Add &amp;outside person</source>
            <translation>Tilføj &amp;udefrakommende</translation>
        </message>
        <message>
            <source>Outside persons</source>
            <translation>Udefrakommende personer</translation>
        </message>
    </context>
    <context>
        <name>PoliceSection</name>
        <message>
            <source>Police</source>
            <translation>Politi</translation>
        </message>
        <message>
            <source>Police were &amp;called</source>
            <translation>&amp;Politiet blev tilkaldt</translation>
        </message>
        <message>
            <source>The police came on their own &amp;initiative</source>
            <translation>Politiet kom på eget &amp;initiativ</translation>
        </message>
        <message>
            <source>Time the police were called</source>
            <translation>Tidspunkt politiet blev tilkaldt</translation>
        </message>
        <message>
            <source>known</source>
            <translation>kendt</translation>
        </message>
        <message>
            <source>Called at:</source>
            <translation>Tilkaldt kl.:</translation>
        </message>
        <message>
            <source>W&amp;hen the police arrived:</source>
            <translation>Politiet ank&amp;om kl.:</translation>
        </message>
        <message>
            <source>Time the police arrived</source>
            <translation>Tidspunkt politiet ankom</translation>
        </message>
        <message>
            <source>Arrests:</source>
            <translation>Anholdelser:</translation>
        </message>
        <message>
            <source>Number of arrests</source>
            <translation>Antal anholdelser</translation>
        </message>
        <message>
            <source>A police repor&amp;t was filed</source>
            <translation>&amp;Der blev indgivet politianmeldelse</translation>
        </message>
        <message>
            <source>&amp;Journal no.:</source>
            <translation>&amp;Journalnr.:</translation>
        </message>
        <message>
            <source>Police journal number</source>
            <translation>Politiets journalnummer</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Årsag:</translation>
        </message>
        <message>
            <source>Reason for the police contact</source>
            <translation>Årsag til kontakten med politiet</translation>
        </message>
    </context>
    <context>
        <name>ResidentPicker</name>
        <message>
            <source>Resident</source>
            <translation>Beboer</translation>
        </message>
        <message>
            <source>Role in the incident</source>
            <translation>Rolle i hændelsen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Remove this resident</source>
            <translation>Fjern denne beboer</translation>
        </message>
        <message>
            <source>&amp;Add resident</source>
            <translation>Ti&amp;lføj beboer</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <source>The database is being encrypted so that only personal logins can open it. This takes a moment; type your login meanwhile.</source>
            <translation>Databasen krypteres nu, så kun personlige logins kan åbne den. Det tager et øjeblik; skriv dit login imens.</translation>
        </message>
        <message>
            <source>The database is now encrypted.</source>
            <translation>Databasen er nu krypteret.</translation>
        </message>
    </context>
    <context>
        <name>SubmittedPanel</name>
        <message>
            <source>Why this severity:</source>
            <translation>Derfor denne alvorlighed:</translation>
        </message>
        <message>
            <source>Duties opened:</source>
            <translation>Opgaver oprettet:</translation>
        </message>
        <message>
            <source>Why this severity</source>
            <translation>Derfor denne alvorlighed</translation>
        </message>
        <message>
            <source>Duties opened</source>
            <translation>Opgaver oprettet</translation>
        </message>
        <message>
            <source>Log &amp;another incident</source>
            <translation>Registrér en &amp;ny hændelse</translation>
        </message>
        <message>
            <source>Incident no. %1 is registered.</source>
            <translation>Hændelse nr. %1 er registreret.</translation>
        </message>
        <message>
            <source>Severity: %1</source>
            <translation>Alvorlighed: %1</translation>
        </message>
        <message>
            <source>mild</source>
            <translation>mild</translation>
        </message>
        <message>
            <source>moderate</source>
            <translation>moderat</translation>
        </message>
        <message>
            <source>severe</source>
            <translation>alvorlig</translation>
        </message>
        <message>
            <source>SOAS-R score: %1 (%2)</source>
            <translation>SOAS-R-score: %1 (%2)</translation>
        </message>
        <message>
            <source>%1 – due %2</source>
            <translation>%1 – frist %2</translation>
        </message>
        <message>
            <source>No duties.</source>
            <translation>Ingen opgaver.</translation>
        </message>
    </context>
    <context>
        <name>TypePicker</name>
        <message>
            <source>Type to filter, Down to choose, Space to tick</source>
            <translation>Skriv for at filtrere, pil ned for at vælge, mellemrum for at afkrydse</translation>
        </message>
        <message>
            <source>Filter incident types</source>
            <translation>Filtrér hændelsestyper</translation>
        </message>
        <message>
            <source>Incident types</source>
            <translation>Hændelsestyper</translation>
        </message>
    </context>
    <context>
        <name>ViolenceSection</name>
        <message>
            <source>Aggression (five columns)</source>
            <translation>Aggression (fem kolonner)</translation>
        </message>
        <message>
            <source>A weap&amp;on was used</source>
            <translation>Der blev brugt et &amp;våben</translation>
        </message>
        <message>
            <source>A &amp;dangerous object was used</source>
            <translation>Der blev br&amp;ugt en farlig genstand</translation>
        </message>
    </context>
    <context>
        <name>ChainBanner</name>
        <message>
            <source>its content was changed</source>
            <translation>dens indhold er ændret</translation>
        </message>
        <message>
            <source>its link to the row before does not match</source>
            <translation>dens kæde til rækken før passer ikke</translation>
        </message>
        <message>
            <source>rows before it are missing</source>
            <translation>rækker før den mangler</translation>
        </message>
        <message>
            <source>the newest rows were removed or replaced</source>
            <translation>de nyeste rækker er fjernet eller udskiftet</translation>
        </message>
        <message>
            <source>The audit log has been tampered with: %1. Tell the data-protection officer and do not delete anything.</source>
            <translation>Adgangsloggen er blevet ændret: %1. Giv databeskyttelsesrådgiveren besked, og slet ikke noget.</translation>
        </message>
        <message>
            <source>The audit log has been tampered with: row %1 is the first that does not match (%2). Tell the data-protection officer and do not delete anything.</source>
            <translation>Adgangsloggen er blevet ændret: række %1 er den første, der ikke passer (%2). Giv databeskyttelsesrådgiveren besked, og slet ikke noget.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>&amp;Current password</source>
            <translation>&amp;Nuværende adgangskode</translation>
        </message>
        <message>
            <source>&amp;New password</source>
            <translation>N&amp;y adgangskode</translation>
        </message>
        <message>
            <source>New password &amp;again</source>
            <translation>Ny adgangskode &amp;igen</translation>
        </message>
        <message>
            <source>SafetyLog – change password</source>
            <translation>SafetyLog – skift adgangskode</translation>
        </message>
        <message>
            <source>Choose a new password</source>
            <translation>Vælg en ny adgangskode</translation>
        </message>
        <message>
            <source>Your password was reset by an administrator. Type the one-time password you were given, then choose your own. Cancel logs you out.</source>
            <translation>En administrator har nulstillet din adgangskode. Skriv den engangskode, du har fået, og vælg så din egen. Annuller logger dig ud.</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>Skift adgangskode</translation>
        </message>
        <message>
            <source>At least 12 characters. A few random words are easy to remember and hard to guess.</source>
            <translation>Mindst 12 tegn. Nogle tilfældige ord er lette at huske og svære at gætte.</translation>
        </message>
        <message>
            <source>&amp;Save password</source>
            <translation>&amp;Gem adgangskode</translation>
        </message>
        <message>
            <source>The two new passwords are not the same.</source>
            <translation>De to nye adgangskoder er ikke ens.</translation>
        </message>
    </context>
    <context>
        <name>ReauthDialog</name>
        <message>
            <source>SafetyLog – confirm it is you</source>
            <translation>SafetyLog – bekræft, at det er dig</translation>
        </message>
        <message>
            <source>This shows or sends personal data. Type your password again to go on.</source>
            <translation>Dette viser eller sender personoplysninger. Skriv din adgangskode igen for at fortsætte.</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Adgangskode</translation>
        </message>
        <message>
            <source>&amp;Confirm</source>
            <translation>&amp;Bekræft</translation>
        </message>
        <message>
            <source>Wrong password. Try again.</source>
            <translation>Forkert adgangskode. Prøv igen.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>SafetyLog – recovery key</source>
            <translation>SafetyLog – gendannelsesnøgle</translation>
        </message>
        <message>
            <source>The database&apos;s recovery key</source>
            <translation>Databasens gendannelsesnøgle</translation>
        </message>
        <message>
            <source>The database is encrypted. This key opens it if every administrator&apos;s password is lost. Print it, or write it down by hand, and keep it in the facility&apos;s safe – not on this PC.</source>
            <translation>Databasen er krypteret. Denne nøgle åbner den, hvis alle administratorers adgangskoder er mistet. Udskriv den, eller skriv den ned i hånden, og læg den i tilbuddets pengeskab – ikke på denne pc.</translation>
        </message>
        <message>
            <source>The key is shown only now. SafetyLog cannot show it again.</source>
            <translation>Nøglen vises kun nu. SafetyLog kan ikke vise den igen.</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Udskriv…</translation>
        </message>
        <message>
            <source>I have &amp;written the key down / printed it</source>
            <translation>Jeg har &amp;skrevet nøglen ned / printet den</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Fortsæt</translation>
        </message>
    </context>
<context>
    <name>SetupChecklist</name>
    <message>
        <source>1. Places: add the places in the house where incidents happen (entrance, common room, garden, ...). Administration → Facilities and places.</source>
        <translation>1. Steder: tilføj de steder i huset, hvor hændelser sker (indgang, fællesstue, have, ...). Administration → Tilbud og steder.</translation>
    </message>
    <message>
        <source>Open &amp;places</source>
        <translation>Åbn &amp;steder</translation>
    </message>
    <message>
        <source>2. Managers and staff: add a user with the role Manager for each facility, then the staff. Administration → Users and roles.</source>
        <translation>2. Ledere og personale: opret en bruger med rollen Leder for hvert tilbud og derefter personalet. Administration → Brugere og roller.</translation>
    </message>
    <message>
        <source>Open &amp;users</source>
        <translation>Åbn &amp;brugere</translation>
    </message>
    <message>
        <source>3. Residents: add each resident with a pseudonym (e.g. H-101) and the first name staff know them by. An administrator or a manager can do this, here or with “safetylog resident add”.</source>
        <translation>3. Beboere: tilføj hver beboer med et pseudonym (f.eks. H-101) og det fornavn, personalet kender dem ved. En administrator eller en leder kan gøre det, her eller med “safetylog resident add”.</translation>
    </message>
    <message>
        <source>Open &amp;residents</source>
        <translation>Åbn b&amp;eboere</translation>
    </message>
    <message>
        <source>SafetyLog – next steps</source>
        <translation>SafetyLog – næste skridt</translation>
    </message>
    <message>
        <source>SafetyLog is set up</source>
        <translation>SafetyLog er sat op</translation>
    </message>
    <message>
        <source>Before the staff can log incidents, three things are left:</source>
        <translation>Før personalet kan registrere hændelser, mangler tre ting:</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Søg &amp;i:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Filnavn:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;typen:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
</TS>
