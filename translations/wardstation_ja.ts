<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AtomicFile</name>
    <message>
        <source>The disk is full: %1 could not be written (%2). Nothing was changed. Ask IT to free space.</source>
        <translation>ディスクがいっぱいです。%1 を書き込めませんでした（%2）。何も変更されていません。IT担当者に空き容量の確保を依頼してください。</translation>
    </message>
    <message>
        <source>%1 could not be written (%2). Nothing was changed.</source>
        <translation>%1 を書き込めませんでした（%2）。何も変更されていません。</translation>
    </message>
</context>
<context>
    <name>Patient</name>
    <message>
        <source>Patient field &quot;%1&quot; is missing or not text.</source>
        <translation>患者情報の項目「%1」がないか、文字列ではありません。</translation>
    </message>
    <message>
        <source>Birth date &quot;%1&quot; is not a valid date.</source>
        <translation>生年月日「%1」は正しい日付ではありません。</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>A draft needs an author, a patient and a type.</source>
        <translation>下書きには作成者・患者・種類が必要です。</translation>
    </message>
    <message>
        <source>This draft belongs to another author.</source>
        <translation>この下書きは別の作成者のものです。</translation>
    </message>
    <message>
        <source>A saved draft failed its integrity check and was not opened.</source>
        <translation>保存された下書きが整合性検査に失敗したため、開きませんでした。</translation>
    </message>
    <message>
        <source>This vault was written by a newer WardStation (schema %1, this program knows %2). Update this terminal.</source>
        <translation>この保管庫は新しいWardStationで作成されています（スキーマ %1、本プログラムは %2 まで対応）。端末を更新してください。</translation>
    </message>
    <message>
        <source>The key slot file %1 is damaged. The vault cannot be opened on this terminal; ask IT to re-enrol it (the hub holds the records).</source>
        <translation>鍵スロットファイル %1 が破損しています。この端末では保管庫を開けません。IT担当者に端末の再登録を依頼してください（記録はハブに保管されています）。</translation>
    </message>
    <message>
        <source>The password or card does not open this terminal&apos;s vault.</source>
        <translation>パスワードまたはカードでこの端末の保管庫を開けません。</translation>
    </message>
    <message>
        <source>The key slot file %1 is missing. The vault cannot be opened on this terminal; ask IT to re-enrol it.</source>
        <translation>鍵スロットファイル %1 がありません。この端末では保管庫を開けません。IT担当者に端末の再登録を依頼してください。</translation>
    </message>
    <message>
        <source>The key slot file %1 cannot be read.</source>
        <translation>鍵スロットファイル %1 を読み取れません。</translation>
    </message>
    <message>
        <source>A user slot needs a user ID and a password.</source>
        <translation>利用者スロットには利用者IDとパスワードが必要です。</translation>
    </message>
    <message>
        <source>The network key must be 32 bytes.</source>
        <translation>ネットワーク鍵は32バイトでなければなりません。</translation>
    </message>
    <message>
        <source>Record %1 version %2 already exists with different content; nothing was stored.</source>
        <translation>記録 %1 の版 %2 は異なる内容で既に存在します。何も保存されていません。</translation>
    </message>
    <message>
        <source>A record needs an ID, a patient, a type and an author.</source>
        <translation>記録にはID・患者・種類・作成者が必要です。</translation>
    </message>
    <message>
        <source>Classification must be I to IV.</source>
        <translation>重要性分類は I〜IV でなければなりません。</translation>
    </message>
    <message>
        <source>Record versions start at 1.</source>
        <translation>記録の版は1から始まります。</translation>
    </message>
    <message>
        <source>Version 1 of a record cannot link to a previous version.</source>
        <translation>記録の第1版は前の版を参照できません。</translation>
    </message>
    <message>
        <source>Record %1 version %2 has no version %3 before it.</source>
        <translation>記録 %1 の版 %2 の前に版 %3 がありません。</translation>
    </message>
    <message>
        <source>A correction must stay with the same patient.</source>
        <translation>訂正は同じ患者の記録でなければなりません。</translation>
    </message>
    <message>
        <source>Record %1 version %2 does not link to the stored version %3 (hash mismatch).</source>
        <translation>記録 %1 の版 %2 は保存済みの版 %3 と連結していません（ハッシュ不一致）。</translation>
    </message>
    <message>
        <source>Record %1 version %2 already exists; corrections are new versions.</source>
        <translation>記録 %1 の版 %2 は既に存在します。訂正は新しい版として作成されます。</translation>
    </message>
    <message>
        <source>An empty timestamp token cannot be stored.</source>
        <translation>空のタイムスタンプトークンは保存できません。</translation>
    </message>
    <message>
        <source>Record %1 version %2 is not in the vault.</source>
        <translation>記録 %1 の版 %2 は保管庫にありません。</translation>
    </message>
    <message>
        <source>The vault file %1 cannot be opened.</source>
        <translation>保管庫ファイル %1 を開けません。</translation>
    </message>
    <message>
        <source>The vault key was refused.</source>
        <translation>保管庫の鍵が拒否されました。</translation>
    </message>
    <message>
        <source>The vault cannot be opened with this key, or it is not a WardStation vault.</source>
        <translation>この鍵では保管庫を開けないか、WardStationの保管庫ではありません。</translation>
    </message>
    <message>
        <source>The vault is damaged (%1). No data was changed. Ask IT to restore this terminal from the hub.</source>
        <translation>保管庫が破損しています（%1）。データは変更されていません。IT担当者にハブからの端末復元を依頼してください。</translation>
    </message>
    <message>
        <source>The vault is in use by another program. Close other WardStation windows and try again.</source>
        <translation>保管庫は別のプログラムが使用中です。他のWardStationの画面を閉じてから再度お試しください。</translation>
    </message>
    <message>
        <source>The disk is full; the last change was not saved. Ask IT to free space.</source>
        <translation>ディスクがいっぱいのため、直前の変更は保存されていません。IT担当者に空き容量の確保を依頼してください。</translation>
    </message>
    <message>
        <source>Confirmed entries cannot be changed or deleted; write a correction instead.</source>
        <translation>確定済みの記録は変更・削除できません。訂正を作成してください。</translation>
    </message>
    <message>
        <source>The data was refused by the vault (%1).</source>
        <translation>保管庫がデータを受け付けませんでした（%1）。</translation>
    </message>
    <message>
        <source>The vault could not be read or written (%1 during %2).</source>
        <translation>保管庫の読み書きができませんでした（%2 中に %1）。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>フォルダ %1 を作成できません。</translation>
    </message>
    <message>
        <source>A vault already exists in %1; wipe it before creating a new one.</source>
        <translation>%1 には既に保管庫があります。新しく作成する前に消去してください。</translation>
    </message>
    <message>
        <source>There is no vault in %1.</source>
        <translation>%1 に保管庫がありません。</translation>
    </message>
    <message>
        <source>%1 is an unencrypted SQLite file, not a WardStation vault. It was not opened.</source>
        <translation>%1 は暗号化されていないSQLiteファイルで、WardStationの保管庫ではありません。開きませんでした。</translation>
    </message>
    <message>
        <source>The vault file is truncated (%1 bytes). No data was changed. Ask IT to restore this terminal from the hub.</source>
        <translation>保管庫ファイルが途中で切れています（%1 バイト）。データは変更されていません。IT担当者にハブからの端末復元を依頼してください。</translation>
    </message>
    <message>
        <source>The vault&apos;s first page failed its integrity check. No data was changed. Ask IT to restore this terminal from the hub.</source>
        <translation>保管庫の先頭ページが整合性検査に失敗しました。データは変更されていません。IT担当者にハブからの端末復元を依頼してください。</translation>
    </message>
    <message>
        <source>The vault failed its integrity check (%1).</source>
        <translation>保管庫が整合性検査に失敗しました（%1）。</translation>
    </message>
    <message>
        <source>%1 could not be removed during the wipe.</source>
        <translation>消去中に %1 を削除できませんでした。</translation>
    </message>
</context>
<context>
    <name>ward::MainWindow</name>
    <message>
        <source>WardStation</source>
        <translation>WardStation</translation>
    </message>
    <message>
        <source>Present your staff card to begin.</source>
        <translation>職員カードをかざしてください。</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
</context>
</TS>
