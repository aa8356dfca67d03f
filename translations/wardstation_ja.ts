<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountChange</name>
    <message>
        <source>This user ID is retired; retired IDs are never re-enabled or reused.</source>
        <translation>この利用者IDは廃止済みです。廃止されたIDは再有効化も再利用もされません。</translation>
    </message>
    <message>
        <source>This user ID is disabled.</source>
        <translation>この利用者IDは無効になっています。</translation>
    </message>
    <message>
        <source>This account is locked. Ask an administrator to unlock it.</source>
        <translation>このアカウントはロックされています。管理者にロック解除を依頼してください。</translation>
    </message>
    <message>
        <source>This account is not locked.</source>
        <translation>このアカウントはロックされていません。</translation>
    </message>
    <message>
        <source>This user ID is already enabled.</source>
        <translation>この利用者IDは既に有効です。</translation>
    </message>
    <message>
        <source>This user ID is already disabled.</source>
        <translation>この利用者IDは既に無効です。</translation>
    </message>
    <message>
        <source>The administrator&apos;s user ID is not valid; the change was not made.</source>
        <translation>管理者の利用者IDが正しくないため、変更は行われていません。</translation>
    </message>
    <message>
        <source>Administrators cannot make this change to their own account; ask another administrator.</source>
        <translation>管理者は自分のアカウントにこの変更を行えません。別の管理者に依頼してください。</translation>
    </message>
    <message>
        <source>Record how the person&apos;s identity was verified before issuing a password.</source>
        <translation>パスワードを発行する前に、本人確認の方法を記録してください。</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>現在のパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>The new password does not meet the password policy.</source>
        <translation>新しいパスワードがパスワード規則を満たしていません。</translation>
    </message>
    <message>
        <source>Your temporary password has expired. Ask reception for a new one.</source>
        <translation>仮パスワードの有効期限が切れています。受付で再発行を受けてください。</translation>
    </message>
    <message>
        <source>The user ID is not valid.</source>
        <translation>利用者IDが正しくありません。</translation>
    </message>
</context>
<context>
    <name>AccountState</name>
    <message>
        <source>must be active, disabled or retired</source>
        <translation>は active、disabled、retired のいずれかでなければなりません</translation>
    </message>
    <message>
        <source>must be none, failedLogins or failedOldPassword</source>
        <translation>は none、failedLogins、failedOldPassword のいずれかでなければなりません</translation>
    </message>
    <message>
        <source>must be set exactly when lockedAt is set</source>
        <translation>は lockedAt が設定されているときだけ設定しなければなりません</translation>
    </message>
    <message>
        <source>must be an Argon2id verifier</source>
        <translation>はArgon2id検証子でなければなりません</translation>
    </message>
    <message>
        <source>must be set while a temporary password is in force</source>
        <translation>は仮パスワードが有効な間は設定しなければなりません</translation>
    </message>
    <message>
        <source>every entry must be an Argon2id verifier</source>
        <translation>各項目はArgon2id検証子でなければなりません</translation>
    </message>
</context>
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
    <name>CardError</name>
    <message>
        <source>The card was read successfully.</source>
        <translation>カードを読み取りました。</translation>
    </message>
    <message>
        <source>The card service is not running. Wait a moment; if this persists, ask IT to restart the card service (pcscd).</source>
        <translation>カードサービスが動作していません。しばらくお待ちください。続く場合はIT担当者にカードサービス（pcscd）の再起動を依頼してください。</translation>
    </message>
    <message>
        <source>No card reader was found. Check that the reader is connected.</source>
        <translation>カードリーダーが見つかりません。リーダーの接続を確認してください。</translation>
    </message>
    <message>
        <source>The card reader was disconnected. Reconnect the reader and insert the card again.</source>
        <translation>カードリーダーが切断されました。リーダーを接続し直し、カードを挿し直してください。</translation>
    </message>
    <message>
        <source>No card is in the reader. Insert your staff card.</source>
        <translation>リーダーにカードがありません。職員カードを挿してください。</translation>
    </message>
    <message>
        <source>The card was removed while it was being read. Insert the card again and leave it in the reader.</source>
        <translation>読み取り中にカードが抜かれました。カードを挿し直し、そのままにしてください。</translation>
    </message>
    <message>
        <source>The card was reset by another program while it was being read. Insert the card again.</source>
        <translation>読み取り中に別のプログラムがカードをリセットしました。カードを挿し直してください。</translation>
    </message>
    <message>
        <source>The card does not respond. Insert it again; if this repeats, the card may be damaged — contact reception.</source>
        <translation>カードが応答しません。挿し直してください。繰り返す場合はカードが破損している可能性があります。受付に連絡してください。</translation>
    </message>
    <message>
        <source>The card is in use by another program. Close that program or insert the card again.</source>
        <translation>カードは別のプログラムが使用中です。そのプログラムを閉じるか、カードを挿し直してください。</translation>
    </message>
    <message>
        <source>Communication with the card failed. Insert the card again.</source>
        <translation>カードとの通信に失敗しました。カードを挿し直してください。</translation>
    </message>
    <message>
        <source>The card took too long to answer. Insert the card again.</source>
        <translation>カードの応答に時間がかかりすぎました。カードを挿し直してください。</translation>
    </message>
    <message>
        <source>Reading the card was cancelled.</source>
        <translation>カードの読み取りが中止されました。</translation>
    </message>
    <message>
        <source>This card has no PIV application. Use your staff IC card.</source>
        <translation>このカードにはPIVアプリケーションがありません。職員ICカードを使ってください。</translation>
    </message>
    <message>
        <source>The card does not hold the expected certificate. Ask reception to check or reissue the card.</source>
        <translation>カードに想定された証明書がありません。受付でカードの確認または再発行を依頼してください。</translation>
    </message>
    <message>
        <source>The card refused the operation: it requires a PIN first.</source>
        <translation>カードが操作を拒否しました。先にPINが必要です。</translation>
    </message>
    <message>
        <source>The card is blocked. Ask reception to unblock or reissue it.</source>
        <translation>カードがブロックされています。受付でブロック解除または再発行を依頼してください。</translation>
    </message>
    <message>
        <source>The card refused the operation in its current state. Insert the card again.</source>
        <translation>カードが現在の状態では操作を拒否しました。カードを挿し直してください。</translation>
    </message>
    <message>
        <source>The card rejected the data it was sent.</source>
        <translation>カードが送信されたデータを拒否しました。</translation>
    </message>
    <message>
        <source>The card does not support this operation or key.</source>
        <translation>カードはこの操作または鍵に対応していません。</translation>
    </message>
    <message>
        <source>The card rejected the length of a command.</source>
        <translation>カードが命令の長さを拒否しました。</translation>
    </message>
    <message>
        <source>The card does not support this command.</source>
        <translation>カードはこの命令に対応していません。</translation>
    </message>
    <message>
        <source>The card does not support this command class.</source>
        <translation>カードはこの命令クラスに対応していません。</translation>
    </message>
    <message>
        <source>The card reported a memory failure. The card may be damaged — contact reception.</source>
        <translation>カードがメモリ障害を報告しました。カードが破損している可能性があります。受付に連絡してください。</translation>
    </message>
    <message>
        <source>The card answered with an unexpected status.</source>
        <translation>カードが想定外の状態を返しました。</translation>
    </message>
    <message>
        <source>The card sent a malformed answer. Insert it again; if this repeats, contact reception.</source>
        <translation>カードから不正な応答がありました。挿し直してください。繰り返す場合は受付に連絡してください。</translation>
    </message>
    <message>
        <source>The certificate on the card cannot be read. Ask reception to reissue the card.</source>
        <translation>カードの証明書を読み取れません。受付で再発行を依頼してください。</translation>
    </message>
    <message>
        <source>The card&apos;s key type is not supported (ECDSA P-256 is required). Ask reception to reissue the card.</source>
        <translation>カードの鍵の種類に対応していません（ECDSA P-256が必要です）。受付で再発行を依頼してください。</translation>
    </message>
    <message>
        <source>The card failed its authenticity check: its signature does not match its certificate. Do not use this card; report it to IT.</source>
        <translation>カードの真正性確認に失敗しました（署名が証明書と一致しません）。このカードは使用せず、IT担当者に報告してください。</translation>
    </message>
    <message>
        <source>The reader could not read the card&apos;s serial number.</source>
        <translation>リーダーがカードの識別番号を読み取れませんでした。</translation>
    </message>
    <message>
        <source>An internal error occurred while reading the card.</source>
        <translation>カードの読み取り中に内部エラーが発生しました。</translation>
    </message>
    <message>
        <source>An unknown card error occurred.</source>
        <translation>不明なカードエラーが発生しました。</translation>
    </message>
</context>
<context>
    <name>IdentityVerification</name>
    <message>
        <source>Record how the person&apos;s identity was verified.</source>
        <translation>本人確認の方法を記録してください。</translation>
    </message>
    <message>
        <source>Record the ledger reference of the identity document that was checked.</source>
        <translation>確認した本人確認書類の台帳番号を記録してください。</translation>
    </message>
    <message>
        <source>Record the user ID of the staff member who verified the identity.</source>
        <translation>本人確認を行った職員の利用者IDを記録してください。</translation>
    </message>
    <message>
        <source>Staff cannot verify their own identity; another registrar must do it.</source>
        <translation>職員は自分自身の本人確認を行えません。別の登録担当者が行ってください。</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>must be an object</source>
        <translation>はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>は %1〜%2 の整数でなければなりません</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>がありません</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>は true または false でなければなりません</translation>
    </message>
    <message>
        <source>must be text of at most %1 characters</source>
        <translation>は %1 文字以内の文字列でなければなりません</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time with a zone between 2000 and 2200</source>
        <translation>は2000年〜2200年のタイムゾーン付きISO 8601日時でなければなりません</translation>
    </message>
    <message>
        <source>must be a list of at most %1 numbers</source>
        <translation>は %1 個以内の数値のリストでなければなりません</translation>
    </message>
    <message>
        <source>every entry must be a whole number from %1 to %2</source>
        <translation>各項目は %1〜%2 の整数でなければなりません</translation>
    </message>
    <message>
        <source>must be a list of at most %1 entries</source>
        <translation>は %1 件以内のリストでなければなりません</translation>
    </message>
    <message>
        <source>every entry must be text of at most %1 characters</source>
        <translation>各項目は %1 文字以内の文字列でなければなりません</translation>
    </message>
</context>
<context>
    <name>LoginDecision</name>
    <message numerus="yes">
        <source>The password is not correct. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>パスワードが正しくありません。あと %n 回失敗するとアカウントがロックされます。</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Ask an administrator to unlock it.</source>
        <translation>失敗が続いたため、このアカウントはロックされました。管理者にロック解除を依頼してください。</translation>
    </message>
    <message>
        <source>This user ID is disabled. Ask reception to re-enable it.</source>
        <translation>この利用者IDは無効になっています。受付に再有効化を依頼してください。</translation>
    </message>
    <message>
        <source>This user ID has been retired and can no longer be used.</source>
        <translation>この利用者IDは廃止されており、使用できません。</translation>
    </message>
    <message>
        <source>Your password has expired. Choose a new password to continue.</source>
        <translation>パスワードの有効期限が切れています。続けるには新しいパスワードを設定してください。</translation>
    </message>
    <message>
        <source>You are using a temporary password. Choose your own password to continue.</source>
        <translation>仮パスワードでログインしています。続けるには自分のパスワードを設定してください。</translation>
    </message>
    <message>
        <source>Your temporary password has expired. Ask reception for a new one.</source>
        <translation>仮パスワードの有効期限が切れています。受付で再発行を受けてください。</translation>
    </message>
</context>
<context>
    <name>OfflineFailureCounter</name>
    <message>
        <source>must not exceed failures</source>
        <translation>は failures を超えてはいけません</translation>
    </message>
    <message>
        <source>has more than %1 users</source>
        <translation>利用者が %1 人を超えています</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>must list from 1 to 32 delays</source>
        <translation>は1〜32個の遅延時間を並べなければなりません</translation>
    </message>
    <message>
        <source>every delay must be from 0 to %1 ms</source>
        <translation>各遅延時間は 0〜%1 ミリ秒でなければなりません</translation>
    </message>
    <message>
        <source>delays must not decrease</source>
        <translation>遅延時間は減少してはいけません</translation>
    </message>
    <message>
        <source>must not be below minLength</source>
        <translation>は minLength を下回ってはいけません</translation>
    </message>
    <message>
        <source>must lie between minLength and maxLength</source>
        <translation>は minLength と maxLength の間でなければなりません</translation>
    </message>
    <message>
        <source>must not exceed maxAgeDays (privileged IDs are stricter)</source>
        <translation>は maxAgeDays を超えてはいけません（特権IDはより厳しくします）</translation>
    </message>
    <message>
        <source>must not exceed lockoutThreshold (privileged IDs are stricter)</source>
        <translation>は lockoutThreshold を超えてはいけません（特権IDはより厳しくします）</translation>
    </message>
    <message>
        <source>must be shorter than privilegedMaxAgeDays</source>
        <translation>は privilegedMaxAgeDays より短くなければなりません</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message numerus="yes">
        <source>The password is too short: use at least %n character(s).</source>
        <translation>
            <numerusform>パスワードが短すぎます。%n 文字以上にしてください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too long: use at most %n character(s).</source>
        <translation>
            <numerusform>パスワードが長すぎます。%n 文字以内にしてください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, symbols.</source>
        <translation>
            <numerusform>英小文字・英大文字・数字・記号のうち %n 種類以上を使ってください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not contain your user ID.</source>
        <translation>パスワードに利用者IDを含めないでください。</translation>
    </message>
    <message numerus="yes">
        <source>This password was used recently. Choose one that differs from your last %n password(s).</source>
        <translation>
            <numerusform>このパスワードは最近使われています。直近 %n 回のパスワードとは異なるものを選んでください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password contains a control character or invalid text. Use letters, digits and symbols.</source>
        <translation>パスワードに制御文字または不正な文字が含まれています。英字・数字・記号を使ってください。</translation>
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
    <name>UserId</name>
    <message>
        <source>Enter a user ID.</source>
        <translation>利用者IDを入力してください。</translation>
    </message>
    <message>
        <source>A user ID has exactly %1 characters.</source>
        <translation>利用者IDはちょうど %1 文字です。</translation>
    </message>
    <message>
        <source>A user ID contains only the letters A–Z, a–z and the digits 0–9.</source>
        <translation>利用者IDに使えるのは半角英字（A–Z、a–z）と数字（0–9）だけです。</translation>
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
    <name>ward::CertificateAuthority</name>
    <message>
        <source>&quot;%1&quot; is not a usable IP address.</source>
        <translation>「%1」は使用できるIPアドレスではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a host name nor an IP address.</source>
        <translation>「%1」はホスト名でもIPアドレスでもありません。</translation>
    </message>
    <message>
        <source>The certificate request is empty.</source>
        <translation>証明書要求が空です。</translation>
    </message>
    <message>
        <source>The certificate request&apos;s signature is invalid: it does not prove possession of the key.</source>
        <translation>証明書要求の署名が不正です。鍵の所持を証明していません。</translation>
    </message>
    <message>
        <source>The certificate request&apos;s key is not allowed: %1.</source>
        <translation>証明書要求の鍵は使用できません：%1。</translation>
    </message>
    <message>
        <source>The common name must be 1 to 64 characters.</source>
        <translation>共通名（CN）は1〜64文字でなければなりません。</translation>
    </message>
    <message>
        <source>The validity period is out of range.</source>
        <translation>有効期間が範囲外です。</translation>
    </message>
    <message>
        <source>The CA certificate is not valid at this time (valid %1 to %2); no certificate was issued.</source>
        <translation>CA証明書は現在有効ではありません（有効期間 %1〜%2）。証明書は発行されていません。</translation>
    </message>
</context>
<context>
    <name>ward::CmsSignature</name>
    <message>
        <source>A signing certificate and its private key are needed to sign.</source>
        <translation>署名には署名用証明書とその秘密鍵が必要です。</translation>
    </message>
    <message>
        <source>The signing key does not belong to the signing certificate.</source>
        <translation>署名鍵が署名用証明書のものではありません。</translation>
    </message>
    <message>
        <source>The signing time is invalid.</source>
        <translation>署名時刻が不正です。</translation>
    </message>
    <message>
        <source>The signature is not a well-formed CMS SignedData structure.</source>
        <translation>署名が正しいCMS SignedData構造ではありません。</translation>
    </message>
    <message>
        <source>The signature embeds its own content; a detached signature over the record body was expected.</source>
        <translation>署名が内容を内包しています。記録本文に対する分離署名が必要です。</translation>
    </message>
    <message>
        <source>The signature must have exactly one signer.</source>
        <translation>署名者はちょうど1人でなければなりません。</translation>
    </message>
    <message>
        <source>The signature uses a digest algorithm that is not allowed (EX-3 requires SHA-256 or stronger).</source>
        <translation>署名に許可されていないハッシュアルゴリズムが使われています（EX-3によりSHA-256以上が必要です）。</translation>
    </message>
    <message>
        <source>The signature has no valid signing time (CAdES-BES requires one).</source>
        <translation>署名に有効な署名時刻がありません（CAdES-BESでは必須です）。</translation>
    </message>
    <message>
        <source>The signature has no signing-certificate-v2 attribute (CAdES-BES requires one).</source>
        <translation>署名に signing-certificate-v2 属性がありません（CAdES-BESでは必須です）。</translation>
    </message>
    <message>
        <source>The signature does not cover plain data content (content type mismatch).</source>
        <translation>署名が通常のデータ内容を対象としていません（コンテンツタイプ不一致）。</translation>
    </message>
    <message>
        <source>The signature does not carry the signer&apos;s certificate.</source>
        <translation>署名に署名者の証明書が含まれていません。</translation>
    </message>
    <message>
        <source>The signature&apos;s structure is not in the expected form (versions or algorithm identifiers were altered).</source>
        <translation>署名の構造が想定された形式ではありません（バージョンまたはアルゴリズム識別子が改変されています）。</translation>
    </message>
    <message>
        <source>The signing time %1 lies in the future.</source>
        <translation>署名時刻 %1 が未来になっています。</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate %1 is not trusted for signing at the signing time %2: %3.</source>
        <translation>署名者の証明書 %1 は署名時刻 %2 において署名用として信頼できません：%3。</translation>
    </message>
    <message>
        <source>The signature carries a certificate that is not part of the signer&apos;s verified chain.</source>
        <translation>署名に、署名者の検証済み証明書チェーンに含まれない証明書が入っています。</translation>
    </message>
    <message>
        <source>The signing-certificate-v2 attribute does not name the signer&apos;s certificate.</source>
        <translation>signing-certificate-v2 属性が署名者の証明書を示していません。</translation>
    </message>
    <message>
        <source>The signature does not match the record body: the body was changed after signing.</source>
        <translation>署名が記録本文と一致しません。署名後に本文が変更されています。</translation>
    </message>
    <message>
        <source>The signature value does not verify with the signer&apos;s certificate %1.</source>
        <translation>署名値が署名者の証明書 %1 で検証できません。</translation>
    </message>
    <message>
        <source>The record was signed with certificate %1, not with the author&apos;s certificate %2.</source>
        <translation>この記録は作成者の証明書 %2 ではなく、証明書 %1 で署名されています。</translation>
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
<context>
    <name>ward::TimestampAuthority</name>
    <message>
        <source>The time-stamping authority needs a certificate and its private key.</source>
        <translation>タイムスタンプ局には証明書とその秘密鍵が必要です。</translation>
    </message>
    <message>
        <source>The time-stamping key does not belong to the TSA certificate.</source>
        <translation>タイムスタンプ鍵がTSA証明書のものではありません。</translation>
    </message>
    <message>
        <source>The TSA certificate is not a time-stamping certificate (extendedKeyUsage=critical,timeStamping).</source>
        <translation>TSA証明書はタイムスタンプ用の証明書ではありません（extendedKeyUsage=critical,timeStamping）。</translation>
    </message>
</context>
<context>
    <name>ward::TimestampToken</name>
    <message>
        <source>The data is not an RFC 3161 time-stamp token.</source>
        <translation>データはRFC 3161タイムスタンプトークンではありません。</translation>
    </message>
    <message>
        <source>The time-stamp token has no valid time.</source>
        <translation>タイムスタンプトークンに有効な時刻がありません。</translation>
    </message>
    <message>
        <source>The time-stamp token uses a hash algorithm that is not allowed (EX-3 requires SHA-256 or stronger).</source>
        <translation>タイムスタンプトークンに許可されていないハッシュアルゴリズムが使われています（EX-3によりSHA-256以上が必要です）。</translation>
    </message>
    <message>
        <source>The time-stamp token does not carry its signer&apos;s certificate.</source>
        <translation>タイムスタンプトークンに署名者の証明書が含まれていません。</translation>
    </message>
    <message>
        <source>The time-stamp token&apos;s structure is not in the expected form (versions or algorithm identifiers were altered).</source>
        <translation>タイムスタンプトークンの構造が想定された形式ではありません（バージョンまたはアルゴリズム識別子が改変されています）。</translation>
    </message>
    <message>
        <source>The time-stamping authority&apos;s certificate is not trusted at %1: %2.</source>
        <translation>タイムスタンプ局の証明書は %1 において信頼できません：%2。</translation>
    </message>
    <message>
        <source>The time-stamp token carries a certificate that is not part of the TSA&apos;s verified chain.</source>
        <translation>タイムスタンプトークンに、TSAの検証済み証明書チェーンに含まれない証明書が入っています。</translation>
    </message>
    <message>
        <source>The time-stamp token&apos;s signing-certificate attribute does not match its signer.</source>
        <translation>タイムスタンプトークンの signing-certificate 属性が署名者と一致しません。</translation>
    </message>
    <message>
        <source>The time-stamp token does not cover this data: it was changed.</source>
        <translation>タイムスタンプトークンがこのデータを対象としていません。データが変更されています。</translation>
    </message>
    <message>
        <source>The time-stamp token&apos;s signature does not verify.</source>
        <translation>タイムスタンプトークンの署名が検証できません。</translation>
    </message>
    <message>
        <source>The time-stamp token is invalid: %1.</source>
        <translation>タイムスタンプトークンが不正です：%1。</translation>
    </message>
    <message>
        <source>The time-stamp token is invalid.</source>
        <translation>タイムスタンプトークンが不正です。</translation>
    </message>
</context>
</TS>
