<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Navigation</name>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>Ra&amp;pport</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Måned</translation>
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
        <source>F&amp;acilities</source>
        <translation>&amp;Tilbud</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Forhånds&amp;vis</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annullér</translation>
    </message>
    <message>
        <source>Ope&amp;n file</source>
        <translation>Å&amp;bn fil</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Månedsrapport</translation>
    </message>
    <message>
        <source>PSP meeting pack</source>
        <translation>PSP-mødepakke</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Gem rapport</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Hændelser</translation>
    </message>
    <message>
        <source>Serious and critical (S3–S4)</source>
        <translation>Alvorlige og kritiske (S3–S4)</translation>
    </message>
    <message>
        <source>Uses of force (overdue)</source>
        <translation>Magtanvendelser (overskredet)</translation>
    </message>
    <message>
        <source>Staff injuries</source>
        <translation>Personale kommet til skade</translation>
    </message>
    <message>
        <source>Drug dealing observed</source>
        <translation>Narkotikahandel observeret</translation>
    </message>
    <message>
        <source>Police contacts</source>
        <translation>Politikontakter</translation>
    </message>
    <message>
        <source>Preview of %1 – %2; in brackets: the period before, or how many are overdue.</source>
        <translation>Forhåndsvisning af %1 – %2; i parentes: perioden før eller antal overskredne.</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Laver rapporten…</translation>
    </message>
    <message>
        <source>Saved %1. The export is recorded in the audit log.</source>
        <translation>Gemt som %1. Eksporten er registreret i loggen.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Annulleret. Intet er gemt.</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Choose at least one facility.</source>
        <translation>Vælg mindst ét tilbud.</translation>
    </message>
</context>
</TS>
