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
    <name>AuditResults</name>
    <message>
        <source>Chart viewed</source>
        <translation>カルテ閲覧</translation>
    </message>
    <message>
        <source>Break-the-glass access</source>
        <translation>緊急閲覧（ブレークグラス）</translation>
    </message>
    <message>
        <source>Record opened</source>
        <translation>記録を開いた</translation>
    </message>
    <message>
        <source>Record confirmed</source>
        <translation>記録の確定</translation>
    </message>
    <message>
        <source>Record approved</source>
        <translation>記録の承認</translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation>署名が無効</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Login without card</source>
        <translation>カードなしログイン</translation>
    </message>
    <message>
        <source>Terminal unlock</source>
        <translation>端末の鍵解除</translation>
    </message>
    <message>
        <source>Session (start, lock, logout)</source>
        <translation>セッション（開始・ロック・ログアウト）</translation>
    </message>
    <message>
        <source>Staff account changes (hub)</source>
        <translation>職員アカウントの変更（ハブ）</translation>
    </message>
    <message>
        <source>IC card changes (hub)</source>
        <translation>ICカードの変更（ハブ）</translation>
    </message>
    <message>
        <source>Audit review and export (hub)</source>
        <translation>監査の確認・出力（ハブ）</translation>
    </message>
    <message>
        <source>Session started</source>
        <translation>セッション開始</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>画面ロック</translation>
    </message>
    <message>
        <source>Screen unlocked</source>
        <translation>画面ロック解除</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>Login without card (flagged)</source>
        <translation>カードなしログイン（要確認）</translation>
    </message>
    <message>
        <source>Login with one-time code (hub)</source>
        <translation>ワンタイムコードでのログイン（ハブ）</translation>
    </message>
    <message>
        <source>One-time code issued (hub)</source>
        <translation>ワンタイムコードの発行（ハブ）</translation>
    </message>
    <message>
        <source>Account unlocked (hub)</source>
        <translation>アカウントのロック解除（ハブ）</translation>
    </message>
    <message>
        <source>Record held for review (hub)</source>
        <translation>確認待ちとして保留された記録（ハブ）</translation>
    </message>
    <message>
        <source>Record refused on sync</source>
        <translation>同期で拒否された記録</translation>
    </message>
    <message>
        <source>Audit export (hub)</source>
        <translation>監査ログの出力（ハブ）</translation>
    </message>
    <message>
        <source>Break-the-glass reviewed (hub)</source>
        <translation>緊急閲覧の確認（ハブ）</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>outside the user&apos;s wards (%1)</source>
        <translation>担当病棟外（%1）</translation>
    </message>
    <message>
        <source>after hours</source>
        <translation>勤務時間外</translation>
    </message>
    <message numerus="yes">
        <source>%n failed logins until %1</source>
        <translation>
            <numerusform>%1 までに %n 回のログイン失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>緊急</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Stated reason</source>
        <translation>申告された理由</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record / object</source>
        <translation>記録・対象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Finding / note</source>
        <translation>指摘・備考</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2: %3</source>
        <translation>%2 に %1 が確認済み：%3</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>%1 (patient: %2)</source>
        <translation>%1（患者：%2）</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>The CSV file could not be written (%1). Choose another folder.</source>
        <translation>CSV ファイルを書き込めませんでした（%1）。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>No printer is set up at this terminal. Export the result as CSV instead, or ask IT.</source>
        <translation>この端末にはプリンターが設定されていません。CSV で出力するか、情報システム担当に連絡してください。</translation>
    </message>
    <message>
        <source>The printer failed while printing the result.</source>
        <translation>印刷中にプリンターでエラーが発生しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported to %1.</source>
        <translation>
            <numerusform>%n 件を %1 に出力しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows printed.</source>
        <translation>
            <numerusform>%n 件を印刷しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print and export ledger</source>
        <translation>印刷・出力の台帳（持出し台帳）</translation>
    </message>
    <message>
        <source>ledger number issued</source>
        <translation>台帳番号を発行</translation>
    </message>
    <message>
        <source>printed or written</source>
        <translation>印刷・書き出し完了</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1 for: %2; to %3</source>
        <translation>%1（目的：%2）出力先 %3</translation>
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
    <message>
        <source>The card never finished its answer and was given up. Remove it and use your staff card; if this is your staff card, ask reception to replace it.</source>
        <translation>カードの応答が終わらないため読み取りを中止しました。カードを抜いて職員カードを使ってください。職員カードでこの表示が出る場合は受付でカードを交換してください。</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>The secure connection to the hub failed (%1). Check the hub address and that this terminal is enrolled with this hub.</source>
        <translation>ハブとの安全な接続に失敗しました（%1）。ハブのアドレスと、この端末がこのハブに登録されていることを確認してください。</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>ハブが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The hub cannot be reached (%1). Work continues offline.</source>
        <translation>ハブに接続できません（%1）。オフラインで作業を続けます。</translation>
    </message>
    <message>
        <source>The hub&apos;s answer exceeds %1 bytes and was refused.</source>
        <translation>ハブの応答が %1 バイトを超えたため受け付けませんでした。</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is not the JSON object the protocol promises.</source>
        <translation>ハブの応答がプロトコルで定められたJSONオブジェクトではありません。</translation>
    </message>
    <message>
        <source>The hub does not recognise this terminal%1. Enrol it again with a code from IT.</source>
        <translation>ハブがこの端末を認識していません%1。IT担当者から登録コードを受け取り、再登録してください。</translation>
    </message>
    <message>
        <source>The hub refuses this terminal%1. Contact IT.</source>
        <translation>ハブがこの端末を拒否しています%1。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The hub refused a request as too large%1.</source>
        <translation>ハブが要求を大きすぎるとして拒否しました%1。</translation>
    </message>
    <message>
        <source>The hub had an internal problem (HTTP %1); sync will retry.</source>
        <translation>ハブで内部エラーが発生しました（HTTP %1）。同期は再試行されます。</translation>
    </message>
    <message>
        <source>The hub refused the request (HTTP %1)%2.</source>
        <translation>ハブが要求を拒否しました（HTTP %1）%2。</translation>
    </message>
    <message>
        <source>The hub&apos;s storage is full. Nothing is lost: this terminal keeps its entries and records and sends them once IT has freed space at the hub.</source>
        <translation>ハブの保存領域がいっぱいです。データは失われていません。この端末が記録と監査ログを保持し、IT担当者が空き容量を確保した後に送信します。</translation>
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
    <name>LetterIssue</name>
    <message>
        <source>Letter %1</source>
        <translation>通知書 %1</translation>
    </message>
    <message>
        <source>%1 The change was made at the hub, but the temporary password was not delivered: use &quot;Reset password&quot; for %2 to print a new letter.</source>
        <translation>%1 ハブでの変更は完了しましたが、仮パスワードは本人に届いていません。%2 の「パスワード再発行」で新しい通知書を印刷してください。</translation>
    </message>
    <message>
        <source>%1 The code was issued at the hub but not delivered; nobody has seen it. Issue a new fallback code for %2 to print a new letter.</source>
        <translation>%1 ハブではコードが発行されましたが、本人には届いていません（誰も見ていません）。%2 に代替コードをもう一度発行して、新しい通知書を印刷してください。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 The letter was approved at the hub but not delivered; nobody has seen its password. Ask for a new letter for %2 (another person approves it) to print one.</source>
        <translation>%1 封書はハブで承認されましたが、届けられていません。パスワードは誰にも見られていません。%2 の新しい封書を依頼し（別の担当者が承認します）、印刷し直してください。</translation>
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
    <name>LoginVerdict</name>
    <message numerus="yes">
        <source>The password is not correct. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>パスワードが正しくありません。あと %n 回失敗するとアカウントがロックされます。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password is not correct. Type it again.</source>
        <translation>パスワードが正しくありません。もう一度入力してください。</translation>
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
    <message>
        <source>This card is not registered to this user ID. Use your own card or ask reception to register it.</source>
        <translation>このカードはこの利用者IDに登録されていません。ご自身のカードを使うか、受付で登録を依頼してください。</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network cable or ask IT.</source>
        <translation>ハブに接続できません。ネットワークケーブルを確認するか、IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>Your first login on this terminal needs the hub, which cannot be reached now. Use a terminal that is online or ask IT.</source>
        <translation>この端末での初回ログインにはハブへの接続が必要ですが、現在接続できません。オンラインの端末を使うか、IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The one-time code is not valid (wrong, already used or expired). Ask reception for a new code.</source>
        <translation>ワンタイムコードが無効です（誤り・使用済み・期限切れ）。受付で新しいコードを受け取ってください。</translation>
    </message>
    <message>
        <source>Login failed. Try again or ask IT.</source>
        <translation>ログインに失敗しました。もう一度試すか、IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>Test passed: the emergency account and its letter work. No session was opened; the test is recorded.</source>
        <translation>テスト成功：非常用アカウントと封書は使用できます。セッションは開いていません。テストとして記録されました。</translation>
    </message>
    <message>
        <source>This emergency account cannot be used now. Call IT.</source>
        <translation>この非常用アカウントは現在使用できません。情報システム担当に連絡してください。</translation>
    </message>
</context>
<context>
    <name>NetworkSlot</name>
    <message>
        <source>The hub&apos;s network-slot key is not %1 bytes of base64.</source>
        <translation>ハブのネットワークスロット鍵が %1 バイトのbase64ではありません。</translation>
    </message>
</context>
<context>
    <name>OfflineAccountCache</name>
    <message>
        <source>The offline login cache %1 is damaged (%2). Log in once while the hub is reachable.</source>
        <translation>オフラインログイン用キャッシュ %1 が破損しています（%2）。ハブに接続できる状態で一度ログインしてください。</translation>
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
    <name>PasswordLetter</name>
    <message>
        <source>No printer is set up at this terminal. Ask IT to install the desk printer; nothing was changed.</source>
        <translation>この端末にはプリンターが設定されていません。情報システム担当に受付のプリンターの設定を依頼してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; does not accept the letter (out of paper, offline or not allowed). Check it and try again; nothing was changed.</source>
        <translation>プリンター「%1」が通知書を受け付けません（用紙切れ、オフライン、または使用不可）。確認してからやり直してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>Confidential: to be opened by the addressee only</source>
        <translation>親展：ご本人以外は開封しないでください</translation>
    </message>
    <message>
        <source>Your WardStation login</source>
        <translation>WardStation ログインのお知らせ</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>仮パスワード</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Your first login</source>
        <translation>初めてのログイン</translation>
    </message>
    <message>
        <source>Put your IC card in the reader of a ward terminal.</source>
        <translation>病棟端末のカードリーダーに ICカードを挿してください。</translation>
    </message>
    <message>
        <source>Enter your staff ID and the temporary password above.</source>
        <translation>職員IDと上記の仮パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Choose your own password when asked; the temporary password then stops working.</source>
        <translation>求められたら自分のパスワードを決めてください。その時点で仮パスワードは使えなくなります。</translation>
    </message>
    <message>
        <source>Destroy this letter (shredder). Never keep it with your card.</source>
        <translation>この通知書はシュレッダーで破棄してください。ICカードと一緒に保管しないでください。</translation>
    </message>
    <message>
        <source>If the temporary password has expired, or this envelope was open when you received it, do not use it: come to the reception desk with your photo ID for a new one.</source>
        <translation>仮パスワードの有効期限が切れている場合、または受け取った時に封筒が開いていた場合は使用せず、写真付き身分証明書を持って受付で再発行を受けてください。</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>お問い合わせ：%1</translation>
    </message>
    <message>
        <source>The letter&apos;s print job was not started; nothing was printed.</source>
        <translation>通知書の印刷が開始されていません。何も印刷されていません。</translation>
    </message>
    <message>
        <source>The printer failed while printing the letter.</source>
        <translation>通知書の印刷中にプリンターでエラーが発生しました。</translation>
    </message>
    <message>
        <source>Your one-time login code for this shift</source>
        <translation>この勤務帯のワンタイムログインコードのお知らせ</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>ワンタイムコード</translation>
    </message>
    <message>
        <source>Logging in without your IC card</source>
        <translation>ICカードなしでログインする方法</translation>
    </message>
    <message>
        <source>On the card screen of a ward terminal, choose &quot;%1&quot;.</source>
        <translation>病棟端末のカード画面で「%1」を選んでください。</translation>
    </message>
    <message>
        <source>Enter your staff ID and the one-time code above, then your own password.</source>
        <translation>職員IDと上記のワンタイムコードを入力し、続けてご自身のパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The code works for one login only, until the time above. Your password is still needed: the code alone opens nothing.</source>
        <translation>このコードは上記の時刻まで、1回のログインにだけ使えます。パスワードも必要です。コードだけではログインできません。</translation>
    </message>
    <message>
        <source>Logins without a card are recorded and flagged for review by the hospital (AUTH-2).</source>
        <translation>カードを使わないログインは記録され、病院による確認の対象になります（AUTH-2）。</translation>
    </message>
    <message>
        <source>Destroy this letter (shredder) after the login, and have your IC card replaced at the reception desk.</source>
        <translation>ログイン後はこの通知書をシュレッダーで破棄し、受付で ICカードの再発行を受けてください。</translation>
    </message>
    <message>
        <source>If this envelope was open when you received it, do not use the code: tell the reception desk at once.</source>
        <translation>受け取った時に封筒が開いていた場合はコードを使わず、すぐに受付へ連絡してください。</translation>
    </message>
    <message>
        <source>Use this account only when nobody on the ward can log in with an IC card (the card system is down, staff from outside are helping).</source>
        <translation>このアカウントは、病棟の誰も IC カードでログインできないとき（カードシステムの停止、院外からの応援など）にだけ使ってください。</translation>
    </message>
    <message>
        <source>Enter the account above, the name and workplace of the person who will use it, and why it is needed.</source>
        <translation>上のアカウント、実際に使う人の氏名と所属、必要な理由を入力します。</translation>
    </message>
    <message>
        <source>Type the password above (upper or lower case, spaces and dashes do not matter).</source>
        <translation>上のパスワードを入力します（大文字・小文字、空白、ハイフンは区別しません）。</translation>
    </message>
    <message>
        <source>IT and the auditors are told at once; every action is recorded and reviewed; the session is short. Works also when the network is down, on this ward&apos;s terminals.</source>
        <translation>情報システム担当と監査担当に直ちに通知され、すべての操作が記録・確認されます。セッションは短時間です。ネットワークが停止していても、この病棟の端末で使えます。</translation>
    </message>
    <message>
        <source>After its first use the account stays open for one period, then closes until IT issues a new letter: give this letter to IT after the emergency.</source>
        <translation>最初の使用から一定期間だけ使え、その後は情報システム担当が新しい封書を発行するまで使えません。非常時が終わったら、この封書を情報システム担当に渡してください。</translation>
    </message>
    <message>
        <source>Sealed: to be opened only in an emergency, by the person in charge of the ward</source>
        <translation>厳封：非常時に限り、病棟の責任者が開封すること</translation>
    </message>
    <message>
        <source>Emergency account of %1</source>
        <translation>%1 の非常用アカウント</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>封書番号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>発行日時</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>%1 (asked), %2 (approved)</source>
        <translation>%1（依頼）、%2（承認）</translation>
    </message>
    <message>
        <source>When nobody can log in with an IC card</source>
        <translation>誰も IC カードでログインできないとき</translation>
    </message>
    <message>
        <source>Keep this letter sealed in the ward&apos;s safe. If the seal is found broken when the account was not needed, tell IT at once: a new letter replaces this one.</source>
        <translation>この封書は封をしたまま病棟の金庫に保管してください。使用していないのに封が開いていた場合は、直ちに情報システム担当に連絡してください。新しい封書に差し替えます。</translation>
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
    <name>RecordCodec</name>
    <message>
        <source>The status &quot;%1&quot; is not one this program writes.</source>
        <translation>状態「%1」は本プログラムが書き込む状態ではありません。</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The vault could not store what the hub sent (%1); sync will retry.</source>
        <translation>ハブから受信した内容を保管庫に保存できませんでした（%1）。同期は再試行されます。</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is malformed (%1); nothing from it was stored.</source>
        <translation>ハブの応答が不正です（%1）。何も保存されていません。</translation>
    </message>
</context>
<context>
    <name>TerminalIdentity</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 を作成できません。</translation>
    </message>
    <message>
        <source>This terminal is not enrolled.</source>
        <translation>この端末は登録されていません。</translation>
    </message>
    <message>
        <source>The terminal key is missing; enrol the terminal again.</source>
        <translation>端末の鍵がありません。端末を再登録してください。</translation>
    </message>
    <message>
        <source>The terminal key file is readable by others; refusing to use it. Enrol the terminal again.</source>
        <translation>端末の鍵ファイルを他の利用者が読み取れる状態のため、使用を拒否しました。端末を再登録してください。</translation>
    </message>
    <message>
        <source>The terminal&apos;s enrolment files are damaged; enrol the terminal again.</source>
        <translation>端末の登録ファイルが破損しています。端末を再登録してください。</translation>
    </message>
    <message>
        <source>The terminal&apos;s key, certificate and hub CA do not belong together; enrol the terminal again.</source>
        <translation>端末の鍵・証明書・ハブCAの組み合わせが一致しません。端末を再登録してください。</translation>
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
    <message>
        <source>This terminal&apos;s vault holds records in the format of an earlier WardStation version, which this version cannot show. Ask IT to wipe and re-enrol this terminal; its records come back from the hub.</source>
        <translation>この端末の保管庫には以前のWardStationの形式の記録があり、このバージョンでは表示できません。情報システム担当に端末の消去と再登録を依頼してください。記録はハブから再取得されます。</translation>
    </message>
    <message>
        <source>This terminal&apos;s vault was made by an older WardStation whose card protection is no longer accepted. Ask IT to re-enrol the terminal (wipe and enrol again); the hub holds every record.</source>
        <translation>この端末の保管庫は、カードによる保護が現在は認められない旧版のWardStationで作られています。IT担当者に端末の再登録（消去して登録し直し）を依頼してください。記録はすべてハブにあります。</translation>
    </message>
    <message>
        <source>The card did not answer the key agreement (key 9D). Insert the card again; if this repeats, ask reception to check the card.</source>
        <translation>カードが鍵共有（鍵9D）に応答しませんでした。カードを挿し直してください。繰り返す場合は受付でカードを確認してもらってください。</translation>
    </message>
    <message>
        <source>The emergency letter&apos;s key from the hub is malformed.</source>
        <translation>ハブから届いた非常用封書の鍵の形式が正しくありません。</translation>
    </message>
</context>
<context>
    <name>VerificationMethods</name>
    <message>
        <source>Driving licence</source>
        <translation>運転免許証</translation>
    </message>
    <message>
        <source>My Number card</source>
        <translation>マイナンバーカード</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>パスポート</translation>
    </message>
    <message>
        <source>Residence card</source>
        <translation>在留カード</translation>
    </message>
    <message>
        <source>Known in person by the ward manager (signed form)</source>
        <translation>所属長による本人確認（署名済み書式）</translation>
    </message>
</context>
<context>
    <name>ward::AccessPolicy</name>
    <message>
        <source>The access policy is not valid JSON: %1</source>
        <translation>アクセスポリシーが正しいJSONではありません：%1</translation>
    </message>
    <message>
        <source>The file is not a WardStation access policy (format field missing or wrong).</source>
        <translation>このファイルはWardStationのアクセスポリシーではありません（format 項目がないか、誤っています）。</translation>
    </message>
    <message>
        <source>The access policy has no valid version number.</source>
        <translation>アクセスポリシーに有効なバージョン番号がありません。</translation>
    </message>
    <message>
        <source>Record type %1: classification must be I to IV (1–4).</source>
        <translation>記録種類 %1：重要性分類は I〜IV（1〜4）でなければなりません。</translation>
    </message>
    <message>
        <source>The access policy defines no roles.</source>
        <translation>アクセスポリシーにロールが定義されていません。</translation>
    </message>
    <message>
        <source>Role %1: permissions must be a list.</source>
        <translation>ロール %1：permissions はリストでなければなりません。</translation>
    </message>
    <message>
        <source>Role %1: unknown action &quot;%2&quot;.</source>
        <translation>ロール %1：不明な操作「%2」があります。</translation>
    </message>
    <message>
        <source>Role %1: an empty record type.</source>
        <translation>ロール %1：記録種類が空です。</translation>
    </message>
    <message>
        <source>Role %1: maxClassification must be I to IV (1–4).</source>
        <translation>ロール %1：maxClassification は I〜IV（1〜4）でなければなりません。</translation>
    </message>
    <message>
        <source>Role %1: a permission needs actions and record types.</source>
        <translation>ロール %1：権限には操作と記録種類が必要です。</translation>
    </message>
    <message>
        <source>A compartment without an id.</source>
        <translation>id のない区画があります。</translation>
    </message>
</context>
<context>
    <name>ward::AccountReportView</name>
    <message>
        <source>Report</source>
        <translation>帳票</translation>
    </message>
    <message>
        <source>Locked accounts</source>
        <translation>ロック中のアカウント</translation>
    </message>
    <message>
        <source>Passwords near or past expiry</source>
        <translation>有効期限が近い・切れたパスワード</translation>
    </message>
    <message>
        <source>IDs unused for some days</source>
        <translation>一定期間使われていないID</translation>
    </message>
    <message>
        <source>Privileged accounts</source>
        <translation>特権アカウント</translation>
    </message>
    <message>
        <source>Temporary passwords never used</source>
        <translation>未使用の仮パスワード</translation>
    </message>
    <message>
        <source>IC cards not collected</source>
        <translation>未受領の ICカード</translation>
    </message>
    <message>
        <source>Days unused</source>
        <translation>未使用日数</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 出力…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Report rows</source>
        <translation>帳票の行</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Privileged</source>
        <translation>特権</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>まもなく期限切れ</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s).</source>
        <translation>
            <numerusform>%1：%n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation>%1（%2 日）</translation>
    </message>
    <message>
        <source>The CSV file could not be written (%1). Choose another folder.</source>
        <translation>CSV ファイルを書き込めませんでした（%1）。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Export report as CSV</source>
        <translation>帳票を CSV で出力</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 に出力しました。</translation>
    </message>
    <message>
        <source>No printer is set up at this terminal. Export the report as CSV instead, or ask IT.</source>
        <translation>この端末にはプリンターが設定されていません。CSV で出力するか、情報システム担当に連絡してください。</translation>
    </message>
    <message>
        <source>The printer failed while printing the report.</source>
        <translation>帳票の印刷中にプリンターでエラーが発生しました。</translation>
    </message>
    <message>
        <source>The report was sent to the printer.</source>
        <translation>帳票をプリンターに送りました。</translation>
    </message>
</context>
<context>
    <name>ward::AlertBadges</name>
    <message>
        <source>Allergy</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> / </source>
        <translation> / </translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>既知のアレルギーなし</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>注意事項なし</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>注意事項</translation>
    </message>
</context>
<context>
    <name>ward::AppearanceMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>昼間テーマ(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Night theme (dark ward)</source>
        <translation>夜間テーマ（消灯時の病棟）(&amp;N)</translation>
    </message>
    <message>
        <source>Lar&amp;ge text</source>
        <translation>文字を大きく(&amp;G)</translation>
    </message>
</context>
<context>
    <name>ward::ApprovalList</name>
    <message>
        <source>Entered</source>
        <translation>入力日時</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>入力者</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Proxy entries awaiting your approval: %1</source>
        <translation>承認待ちの代行入力：%1 件</translation>
    </message>
    <message>
        <source>Entries awaiting your approval</source>
        <translation>承認待ちの代行入力</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ward::AuditAcknowledgement</name>
    <message>
        <source>The hub&apos;s acknowledgement of the audit chain is not signed.</source>
        <translation>ハブからの監査ログ受領確認に署名がありません。</translation>
    </message>
    <message>
        <source>The hub&apos;s acknowledgement of the audit chain does not verify against this terminal&apos;s hub: %1</source>
        <translation>ハブからの監査ログ受領確認の署名を、この端末のハブで検証できません: %1</translation>
    </message>
    <message>
        <source>The acknowledgement of the audit chain is signed by %1, not by the hub&apos;s audit certificate.</source>
        <translation>監査ログ受領確認の署名者が %1 であり、ハブの監査用証明書ではありません。</translation>
    </message>
    <message>
        <source>The hub acknowledged the audit chain of another terminal (%1).</source>
        <translation>ハブが別の端末（%1）の監査ログについて受領確認を返しました。</translation>
    </message>
    <message>
        <source>The hub acknowledged audit entry %1, which is not this terminal&apos;s entry %2.</source>
        <translation>ハブが受領確認した監査ログ %1 番は、この端末の %2 番と一致しません。</translation>
    </message>
    <message>
        <source>The hub&apos;s acknowledgement of the audit chain has no time.</source>
        <translation>ハブからの監査ログ受領確認に日時がありません。</translation>
    </message>
</context>
<context>
    <name>ward::AuditSearchPanel</name>
    <message>
        <source>Search all entries</source>
        <translation>すべての監査ログを検索</translation>
    </message>
    <message>
        <source>Who accessed this patient (disclosure request)</source>
        <translation>この患者の記録を閲覧した人（開示請求）</translation>
    </message>
    <message>
        <source>One staff member&apos;s activity</source>
        <translation>職員ごとの操作履歴</translation>
    </message>
    <message>
        <source>Access outside the user&apos;s wards or after hours</source>
        <translation>担当病棟外・勤務時間外のアクセス</translation>
    </message>
    <message>
        <source>Logins without card and emergency unlocks</source>
        <translation>カードなしログインと緊急ロック解除</translation>
    </message>
    <message>
        <source>Bursts of failed logins</source>
        <translation>ログイン失敗の集中</translation>
    </message>
    <message>
        <source>Records with invalid signatures</source>
        <translation>署名が無効な記録</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>端末ID</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>帳票</translation>
    </message>
    <message>
        <source>Patient / staff</source>
        <translation>患者・職員</translation>
    </message>
    <message>
        <source>Terminal / ward / event</source>
        <translation>端末・病棟・操作</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>新しい順に戻る</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>さらに古いもの</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 出力…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>患者 %1</translation>
    </message>
    <message>
        <source>staff %1</source>
        <translation>職員 %1</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s ID for the disclosure report.</source>
        <translation>開示請求の帳票には患者IDを入力してください。</translation>
    </message>
    <message>
        <source>Enter the staff ID whose activity you want to see.</source>
        <translation>操作履歴を確認する職員のIDを入力してください。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>該当するログはありません。</translation>
    </message>
    <message>
        <source>Entries %1–%2</source>
        <translation>%1〜%2 件目</translation>
    </message>
    <message>
        <source>Export audit entries as CSV</source>
        <translation>監査ログを CSV で出力</translation>
    </message>
    <message>
        <source>Emergency accounts: uses, tests and letters</source>
        <translation>非常用アカウント：使用・テスト・封書</translation>
    </message>
</context>
<context>
    <name>ward::AuditShipment</name>
    <message>
        <source>The hub did not acknowledge the audit entries it was sent.</source>
        <translation>送信した監査ログをハブが受領確認しませんでした。</translation>
    </message>
    <message>
        <source>The hub acknowledged an audit entry this terminal does not hold.</source>
        <translation>ハブが、この端末にない監査ログについて受領確認を返しました。</translation>
    </message>
</context>
<context>
    <name>ward::AuditorWorkspace</name>
    <message>
        <source>Search and reports</source>
        <translation>検索・帳票</translation>
    </message>
    <message>
        <source>Break-the-glass review</source>
        <translation>緊急閲覧の確認</translation>
    </message>
</context>
<context>
    <name>ward::BreakGlassPanel</name>
    <message>
        <source>Patient outside your wards</source>
        <translation>担当病棟外の患者</translation>
    </message>
    <message>
        <source>Reason for opening this chart (required)</source>
        <translation>このカルテを開く理由（必須）</translation>
    </message>
    <message>
        <source>Open with this reason</source>
        <translation>この理由で開く</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The access and your reason are recorded and reviewed by the auditors.</source>
        <translation>この閲覧と理由は緊急閲覧として記録され、監査担当者が確認します。</translation>
    </message>
</context>
<context>
    <name>ward::BreakGlassQueue</name>
    <message>
        <source>Show reviewed entries too</source>
        <translation>確認済みも表示</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Your finding, e.g. justified: emergency on the ward</source>
        <translation>所見（例：病棟での急変対応のため妥当）</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 出力…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Break-the-glass accesses waiting for review, oldest first.</source>
        <translation>確認待ちの緊急閲覧（古い順）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>No break-the-glass access is waiting for review.</source>
        <translation>確認待ちの緊急閲覧はありません。</translation>
    </message>
    <message>
        <source>Marked reviewed: %1&apos;s access at %2.</source>
        <translation>確認済みにしました：%1 による %2 のアクセス。</translation>
    </message>
    <message>
        <source>Export break-the-glass entries as CSV</source>
        <translation>緊急閲覧の記録を CSV で出力</translation>
    </message>
    <message>
        <source>Break-the-glass review</source>
        <translation>緊急閲覧の確認</translation>
    </message>
</context>
<context>
    <name>ward::CardChangePage</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>ID badge</source>
        <translation>IDバッジ</translation>
    </message>
    <message>
        <source>IC card</source>
        <translation>ICカード</translation>
    </message>
    <message>
        <source>%1 bound on %2 (key %3…)</source>
        <translation>%1（%2 登録、鍵 %3…）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The card is refused at every terminal after its next sync (within one sync interval). The person&apos;s open sessions end now and their signing certificates are revoked; a new signing key is made at their next login. A revoked card is never issued again.</source>
        <translation>このカードは、各端末で次の同期以降（同期間隔 1 回以内に）使えなくなります。本人のログイン中のセッションは直ちに終了し、署名用証明書も失効します（次回ログイン時に新しい署名鍵が作られます）。失効したカードは二度と発行できません。</translation>
    </message>
    <message>
        <source>Revoke the card of %1</source>
        <translation>%1 のカードを失効</translation>
    </message>
    <message>
        <source>%1

%2

Collect the card if it is here (broken card).</source>
        <translation>%1

%2

カードが手元にある場合（破損など）は回収してください。</translation>
    </message>
    <message>
        <source>e.g. &quot;lost on 3 December&quot;, &quot;card broken&quot;</source>
        <translation>例：「12月3日に紛失」「カード破損」</translation>
    </message>
    <message>
        <source>Revoke the card</source>
        <translation>カードを失効させる</translation>
    </message>
    <message>
        <source>Replace the card of %1</source>
        <translation>%1 のカードを交換</translation>
    </message>
    <message>
        <source>%1

First the old card is revoked: %2

Then put the new card in the desk&apos;s reader to issue it to the same person.</source>
        <translation>%1

まず古いカードを失効させます：%2

続けて、新しいカードを受付のカードリーダーに挿して同じ職員に発行します。</translation>
    </message>
    <message>
        <source>Revoke and issue a new card</source>
        <translation>失効させて新しいカードを発行</translation>
    </message>
    <message>
        <source>One-shift fallback code for %1</source>
        <translation>%1 の勤務帯用代替コード</translation>
    </message>
    <message numerus="yes">
        <source>A one-time code for a login without the IC card, valid for one shift (%n hour(s), until about %1), is printed as a sealed letter at this desk; it is never shown on screen. The person logs in once with their staff ID, the code and their own password, and that login is recorded and flagged for review. Check the person&apos;s identity before you issue it.</source>
        <translation>
            <numerusform>ICカードなしでログインするためのワンタイムコード（1 勤務帯・%n 時間、%1 頃まで有効）を、この受付で親展の通知書として印刷します。コードは画面には表示されません。本人は職員ID・コード・自分のパスワードで 1 回だけログインでき、そのログインは記録され確認対象になります。発行前に本人確認をしてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. &quot;card forgotten at home&quot;, &quot;card broken, replacement ordered&quot;</source>
        <translation>例：「カードを自宅に忘れた」「カード破損・再発行手配中」</translation>
    </message>
    <message>
        <source>Print the code letter</source>
        <translation>コードの通知書を印刷</translation>
    </message>
</context>
<context>
    <name>ward::CardIssuePage</name>
    <message>
        <source>Staff ID in the card</source>
        <translation>カードの職員ID</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Issue this card</source>
        <translation>このカードを発行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Issue an IC card to %1 (%2)</source>
        <translation>%1（%2）に ICカードを発行</translation>
    </message>
    <message>
        <source>The card service of this terminal is not running, so no card can be read. Ask IT to start the card service (pcscd), then try again.</source>
        <translation>この端末のカードサービスが動いていないため、カードを読み取れません。IT担当者にカードサービス（pcscd）の起動を依頼してから、やり直してください。</translation>
    </message>
    <message>
        <source>No card reader for new cards is connected at this desk (the reader with your own card is never used for issuing). Connect the desk&apos;s second reader, then put the new card in it.</source>
        <translation>この受付には新しいカード用のカードリーダーが接続されていません（ご自身のカードが入っているリーダーは発行には使いません）。受付の 2 台目のカードリーダーを接続し、新しいカードを挿してください。</translation>
    </message>
    <message>
        <source>Put the new card in the reader %1 and leave it there until its details appear.</source>
        <translation>新しいカードをカードリーダー %1 に挿し、カードの内容が表示されるまで抜かないでください。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>There are cards in more than one reader (%1). Leave only the new card in a reader.</source>
        <translation>複数のカードリーダー（%1）にカードが入っています。新しいカード以外は抜いてください。</translation>
    </message>
    <message>
        <source>Reading the card in %1…</source>
        <translation>%1 のカードを読み取っています…</translation>
    </message>
    <message>
        <source>Check the name and staff ID, then issue the card. Leave it in the reader until it is issued.</source>
        <translation>氏名と職員IDを確認してから発行してください。発行が終わるまでカードを抜かないでください。</translation>
    </message>
    <message>
        <source>The card was taken out while it was being read. Nothing was issued. Put it back and leave it in the reader until its details appear.</source>
        <translation>読み取り中にカードが抜かれました。発行は行われていません。カードを挿し直し、内容が表示されるまで抜かないでください。</translation>
    </message>
    <message>
        <source>This card has no PIV application (an ID badge or another kind of card), so it cannot be issued as a staff IC card. Use a staff IC card prepared by IT.</source>
        <translation>このカードには PIV アプリケーションがありません（IDバッジや別の種類のカードです）。職員用 ICカードとしては発行できません。IT担当者が準備した職員用 ICカードを使ってください。</translation>
    </message>
    <message>
        <source>The certificate on this card cannot be read, or is not a staff card certificate (ECDSA P-256). Nothing was issued. Give the card to IT to be prepared again.</source>
        <translation>このカードの証明書を読み取れないか、職員カード用の証明書（ECDSA P-256）ではありません。発行は行われていません。カードを IT担当者に渡して準備し直してもらってください。</translation>
    </message>
    <message>
        <source>This card&apos;s key does not match the certificate it holds (the certificate may have been copied from another card). Do not issue it; give it to IT.</source>
        <translation>このカードの鍵が、カード内の証明書と一致しません（別のカードから証明書が複製された可能性があります）。発行せず、IT担当者に渡してください。</translation>
    </message>
    <message>
        <source>%1 Nothing was issued.</source>
        <translation>%1 発行は行われていません。</translation>
    </message>
    <message>
        <source>The certificate on this card expired on %1: an expired card cannot log in. Use another card, or give this one to IT to be renewed.</source>
        <translation>このカードの証明書は %1 に有効期限が切れています。期限切れのカードではログインできません。別のカードを使うか、このカードを IT担当者に渡して更新してもらってください。</translation>
    </message>
    <message>
        <source>The certificate on this card is valid only from %1. Use another card, or issue this one from that day.</source>
        <translation>このカードの証明書は %1 から有効になります。別のカードを使うか、その日以降に発行してください。</translation>
    </message>
    <message>
        <source>This card was prepared for staff ID %1 (the ID in its certificate), not for %2: at login it can only be %1&apos;s card. Use the card prepared for %2.</source>
        <translation>このカードは職員ID %1 用に準備されています（証明書の職員ID）。%2 用ではないため、ログインでは %1 のカードとしてしか使えません。%2 用に準備されたカードを使ってください。</translation>
    </message>
    <message>
        <source>This card is already the IC card of %1; nothing needs to be issued.</source>
        <translation>このカードはすでに %1 の ICカードです。発行の必要はありません。</translation>
    </message>
    <message>
        <source>The card was taken out before it was issued. Put it back in %1 to issue it.</source>
        <translation>発行前にカードが抜かれました。発行するには %1 に挿し直してください。</translation>
    </message>
    <message>
        <source>Issuing the card at the hub…</source>
        <translation>ハブでカードを発行しています…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>This card will become the IC card of %1.</source>
        <translation>このカードは %1 の ICカードになります。</translation>
    </message>
    <message>
        <source>This card cannot be issued to %1.</source>
        <translation>このカードは %1 には発行できません。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1〜%2</translation>
    </message>
</context>
<context>
    <name>ward::CardPanel</name>
    <message>
        <source>Bound IC cards</source>
        <translation>登録済みの ICカード</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Bound on</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Issue a card…</source>
        <translation>カードを発行…</translation>
    </message>
    <message>
        <source>Replace the card…</source>
        <translation>カードを交換…</translation>
    </message>
    <message>
        <source>Revoke the card…</source>
        <translation>カードを失効…</translation>
    </message>
    <message>
        <source>One-shift fallback code…</source>
        <translation>勤務帯用代替コード…</translation>
    </message>
    <message>
        <source>First card</source>
        <translation>初回発行</translation>
    </message>
    <message>
        <source>Additional card</source>
        <translation>追加発行</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose a person in &quot;Find staff&quot;; their IC cards are shown here.</source>
        <translation>「職員検索」で職員を選んでください。その職員の ICカードがここに表示されます。</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1（%2） %3</translation>
    </message>
    <message>
        <source>Account: %1. IC card: %2.</source>
        <translation>アカウント：%1&#x3000;ICカード：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) revoked earlier.</source>
        <translation>
            <numerusform>以前に失効したカード：%n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>ID badge (UID)</source>
        <translation>IDバッジ（UID）</translation>
    </message>
    <message>
        <source>IC card (PIV)</source>
        <translation>ICカード（PIV）</translation>
    </message>
    <message>
        <source>The card (serial %1) is now the IC card of %2. It works at every terminal after the terminal&apos;s next sync, together with the person&apos;s own password.</source>
        <translation>カード（シリアル %1）を %2 の ICカードとして登録しました。各端末で次の同期以降、本人のパスワードと組み合わせて使えます。</translation>
    </message>
    <message>
        <source>The hub refused: this card is already bound to another person. Nothing was changed. If it was handed back, revoke it on that person first; otherwise use another card.</source>
        <translation>ハブが拒否しました：このカードはすでに別の職員に登録されています。何も変更されていません。返却されたカードであれば、先にその職員のカードとして失効させてください。そうでなければ別のカードを使ってください。</translation>
    </message>
    <message>
        <source>%1 is revoked: every terminal refuses it after its next sync.</source>
        <translation>%1 を失効させました。各端末で次の同期以降は使えません。</translation>
    </message>
    <message>
        <source>Now put the new card in the desk&apos;s reader.</source>
        <translation>続けて、新しいカードを受付のカードリーダーに挿してください。</translation>
    </message>
    <message>
        <source>Replacement: %1</source>
        <translation>交換：%1</translation>
    </message>
    <message>
        <source>The fallback code letter for %1 is printed: seal it in an envelope and hand it to the person only. The code works for one login until %2, and that login is flagged for review.</source>
        <translation>%1 の代替コードの通知書を印刷しました。封筒に入れて封をし、本人にだけ渡してください。コードは %2 まで 1 回のログインに使え、そのログインは確認対象として記録されます。</translation>
    </message>
    <message>
        <source>The hub did bind the card to %1 (its answer was lost on the way).</source>
        <translation>ハブではカードが %1 に登録されていました（応答が途中で失われました）。</translation>
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
    <name>ward::ChangePasswordPage</name>
    <message>
        <source>Choose a new password</source>
        <translation>新しいパスワードを設定してください</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>現在のパスワード</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>新しいパスワード（確認）</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>パスワード変更</translation>
    </message>
    <message>
        <source>Keep the current password for now</source>
        <translation>今のパスワードをしばらく使う</translation>
    </message>
</context>
<context>
    <name>ward::ChangeReason</name>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Recorded in the hub&apos;s audit with your name and this terminal.</source>
        <translation>あなたの氏名とこの端末とともにハブの監査記録に残ります。</translation>
    </message>
    <message>
        <source>Write why, in a few words (required, at most %1 characters).</source>
        <translation>理由を簡潔に書いてください（必須、%1 文字以内）。</translation>
    </message>
</context>
<context>
    <name>ward::ChartService</name>
    <message>
        <source>Progress note</source>
        <translation>経過記録</translation>
    </message>
    <message>
        <source>Nursing note</source>
        <translation>看護記録</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>バイタルサイン</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>検査結果</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Medication order</source>
        <translation>処方</translation>
    </message>
    <message>
        <source>Patient %1 is not on this terminal.</source>
        <translation>患者 %1 の情報はこの端末にありません。</translation>
    </message>
    <message>
        <source>This patient is in another ward (%1). State a reason to open the chart; the access is recorded and reviewed.</source>
        <translation>この患者は他の病棟（%1）の患者です。カルテを開くには理由を入力してください。この閲覧は緊急閲覧として記録され、監査されます。</translation>
    </message>
    <message>
        <source>This patient is in a restricted ward (%1) open only to assigned staff.</source>
        <translation>この患者は閲覧制限のある病棟（%1）の患者で、担当職員のみ閲覧できます。</translation>
    </message>
    <message>
        <source>Your role may not read %1 records of classification %2.</source>
        <translation>あなたの権限では重要性分類 %2 の%1は閲覧できません。</translation>
    </message>
    <message>
        <source>Record %1 is not on this terminal.</source>
        <translation>記録 %1 はこの端末にありません。</translation>
    </message>
    <message>
        <source>Record %1 version %2 is not on this terminal.</source>
        <translation>記録 %1 の版 %2 はこの端末にありません。</translation>
    </message>
    <message>
        <source>Unknown record type &quot;%1&quot;.</source>
        <translation>不明な記録種類「%1」です。</translation>
    </message>
    <message>
        <source>A correction must keep the record&apos;s patient and type.</source>
        <translation>訂正では記録の患者と種類を変更できません。</translation>
    </message>
    <message>
        <source>Your role may not write %1 records.</source>
        <translation>あなたの権限では%1を記載できません。</translation>
    </message>
    <message>
        <source>A draft can only be saved by its author.</source>
        <translation>下書きは作成者本人しか保存できません。</translation>
    </message>
    <message>
        <source>You have no signing key on this terminal; log in again to create or unlock it.</source>
        <translation>この端末にあなたの署名鍵がありません。署名鍵を作成または解錠するには、再度ログインしてください。</translation>
    </message>
    <message>
        <source>The draft is no longer on this terminal.</source>
        <translation>この下書きはもうこの端末にありません。</translation>
    </message>
    <message>
        <source>The record was changed (now version %1) after you started this correction. Open the latest version and correct that.</source>
        <translation>訂正を始めた後に記録が更新されました（現在は版 %1）。最新の版を開いて訂正してください。</translation>
    </message>
    <message>
        <source>Your role may not confirm %1 records. Use proxy entry for a doctor to approve.</source>
        <translation>あなたの権限では%1を確定できません。代行入力を使い、医師の承認を受けてください。</translation>
    </message>
    <message>
        <source>Your role may not withdraw %1 records.</source>
        <translation>あなたの権限では%1を誤入力として取り消せません。</translation>
    </message>
    <message>
        <source>This record is already marked as entered in error.</source>
        <translation>この記録は既に誤入力として処理されています。</translation>
    </message>
    <message>
        <source>Corrections cannot be entered by proxy.</source>
        <translation>訂正は代行入力できません。</translation>
    </message>
    <message>
        <source>Your role may not enter %1 records on a doctor&apos;s behalf.</source>
        <translation>あなたの権限では%1の代行入力はできません。</translation>
    </message>
    <message>
        <source>This record is not waiting for approval.</source>
        <translation>この記録は承認待ちではありません。</translation>
    </message>
    <message>
        <source>Only the doctor the entry was made for can approve it.</source>
        <translation>承認できるのは代行入力の対象となった医師だけです。</translation>
    </message>
    <message>
        <source>Your role may not approve %1 records.</source>
        <translation>あなたの権限では%1を承認できません。</translation>
    </message>
    <message>
        <source>The proxy entry&apos;s signature does not verify; it cannot be approved.</source>
        <translation>代行入力の署名を検証できないため、承認できません。</translation>
    </message>
    <message>
        <source>A draft cannot be moved to another patient, type or record; start a new one.</source>
        <translation>下書きを別の患者・種類・記録に移すことはできません。新しく作成してください。</translation>
    </message>
    <message>
        <source>Choose the doctor this entry is made for (a 10-character staff ID).</source>
        <translation>この入力の依頼元の医師を選んでください（10文字の職員ID）。</translation>
    </message>
    <message>
        <source>The entry is not a %1 record.</source>
        <translation>この入力は%1の記録ではありません。</translation>
    </message>
    <message>
        <source>The entry names another patient; start a new entry for this patient.</source>
        <translation>この入力は別の患者を指しています。この患者の入力を新しく始めてください。</translation>
    </message>
    <message>
        <source>Version %1 of this record cannot be read (%2); it cannot be changed.</source>
        <translation>この記録の版%1を読み取れません（%2）。変更できません。</translation>
    </message>
    <message>
        <source>Version %1 of this record is not on this terminal.</source>
        <translation>この記録の版%1がこの端末にありません。</translation>
    </message>
    <message>
        <source>Alert flag</source>
        <translation>注意フラグ</translation>
    </message>
</context>
<context>
    <name>ward::ChartWorkspace</name>
    <message>
        <source>Search patient: ID, name or kana (Ctrl+F)</source>
        <translation>患者検索：ID・氏名・カナ（Ctrl+F）</translation>
    </message>
    <message>
        <source>Patient %1 is outside your wards.</source>
        <translation>患者 %1 は担当病棟外の患者です。</translation>
    </message>
    <message>
        <source>The draft you were editing is no longer available.</source>
        <translation>編集中の下書きは利用できなくなりました。</translation>
    </message>
    <message>
        <source>Your draft could not be saved (%1); the chart stays open.</source>
        <translation>下書きを保存できませんでした（%1）。カルテは開いたままです。</translation>
    </message>
    <message>
        <source>The chart could not be opened: %1</source>
        <translation>カルテを開けませんでした：%1</translation>
    </message>
    <message>
        <source>Search patient</source>
        <translation>患者検索</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>病棟患者一覧</translation>
    </message>
    <message>
        <source>Ward census (%1)</source>
        <translation>病棟一覧（%1）</translation>
    </message>
    <message>
        <source>Find a patient</source>
        <translation>患者を検索</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ward::CmsEnvelope</name>
    <message>
        <source>No recipient certificate was given.</source>
        <translation>受け取る医療機関の証明書が指定されていません。</translation>
    </message>
    <message>
        <source>The certificate cannot receive an encrypted file: %1</source>
        <translation>この証明書では暗号化ファイルを受け取れません：%1</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>パスワードは %1 文字以上にしてください。</translation>
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
    <name>ward::DiagnosticReport</name>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>取得不可</translation>
    </message>
    <message>
        <source>WardStation terminal diagnostics</source>
        <translation>WardStation 端末診断</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>端末: %1</translation>
    </message>
    <message>
        <source>(not enrolled)</source>
        <translation>（未登録）</translation>
    </message>
    <message>
        <source>Generated: %1 UTC</source>
        <translation>作成日時: %1 UTC</translation>
    </message>
</context>
<context>
    <name>ward::DiagnosticsPage</name>
    <message>
        <source>Terminal diagnostics</source>
        <translation>端末診断</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再診断</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>レポートをコピー</translation>
    </message>
    <message>
        <source>Copies the checks for a support ticket; the report holds no patient data</source>
        <translation>診断結果を問い合わせ用にコピーします（患者情報は含まれません）</translation>
    </message>
    <message>
        <source>Wipe this terminal…</source>
        <translation>この端末を消去…</translation>
    </message>
    <message>
        <source>Checking the terminal…</source>
        <translation>端末を診断しています…</translation>
    </message>
    <message>
        <source>Checked at %1 UTC: some checks found problems.</source>
        <translation>%1 UTC に診断しました。異常のある項目があります。</translation>
    </message>
    <message>
        <source>Checked at %1 UTC.</source>
        <translation>%1 UTC に診断しました。</translation>
    </message>
    <message>
        <source>The report was copied; paste it into the support ticket.</source>
        <translation>レポートをコピーしました。問い合わせに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>ward::DisposalRecordsPage</name>
    <message>
        <source>Wiped at</source>
        <translation>消去日時</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>IT staff</source>
        <translation>情報システム担当者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Unsent records lost</source>
        <translation>失われた未送信記録</translation>
    </message>
    <message>
        <source>Audit entries lost</source>
        <translation>失われた監査ログ</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Disposal records</source>
        <translation>廃棄記録</translation>
    </message>
    <message>
        <source>Back to the terminals</source>
        <translation>端末一覧に戻る</translation>
    </message>
    <message>
        <source>Disposal records of every terminal</source>
        <translation>全端末の廃棄記録</translation>
    </message>
    <message>
        <source>Disposal records of terminal &quot;%1&quot;</source>
        <translation>端末「%1」の廃棄記録</translation>
    </message>
    <message>
        <source>Reading the disposal records from the hub…</source>
        <translation>ハブから廃棄記録を読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 (not in the directory)</source>
        <translation>%1（職員名簿にありません）</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Loss confirmed by IT with a reason</source>
        <translation>損失を理由付きで確認済み</translation>
    </message>
    <message>
        <source>Nothing lost: all was sent first</source>
        <translation>損失なし（すべて送信済み）</translation>
    </message>
    <message>
        <source>The hub holds no disposal record here.</source>
        <translation>ハブにはここに該当する廃棄記録がありません。</translation>
    </message>
</context>
<context>
    <name>ward::DraftEditor</name>
    <message>
        <source>New %1</source>
        <translation>新規%1</translation>
    </message>
    <message>
        <source>Correction of %1 (version %2)</source>
        <translation>%1の訂正（版 %2）</translation>
    </message>
    <message>
        <source>Confirm (sign)</source>
        <translation>確定（署名）</translation>
    </message>
    <message>
        <source>Enter on behalf of:</source>
        <translation>代行入力の対象医師：</translation>
    </message>
    <message>
        <source>Submit for the doctor&apos;s approval</source>
        <translation>医師に承認を依頼</translation>
    </message>
    <message>
        <source>Keep as draft and close</source>
        <translation>下書き保存して閉じる</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>下書きを破棄</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>下書きを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Not confirmed; fix the following:</source>
        <translation>確定できませんでした。次の点を修正してください：</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>確定できませんでした：%1</translation>
    </message>
    <message>
        <source>Not submitted; fix the following:</source>
        <translation>承認を依頼できませんでした。次の点を修正してください：</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>承認を依頼できませんでした：%1</translation>
    </message>
    <message>
        <source>Confirming needs your signing key, which is not unlocked in this session. Your draft is kept; log in again to confirm it.</source>
        <translation>確定には署名鍵が必要ですが、このセッションでは解錠されていません。下書きは保存されています。確定するには再度ログインしてください。</translation>
    </message>
    <message>
        <source>The draft could not be discarded: %1</source>
        <translation>下書きを破棄できませんでした：%1</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>下書き保存済み %1</translation>
    </message>
</context>
<context>
    <name>ward::EmergencyAccountsPanel</name>
    <message>
        <source>Each ward keeps one emergency account in a sealed letter in its safe, for when nobody can log in with an IC card. One person asks for a letter; another approves it at their own desk, where the letter is printed. Using the account alerts IT and the auditors.</source>
        <translation>各病棟は、誰も IC カードでログインできないときのために、非常用アカウントを 1 つ封書にして金庫に保管します。1 人が封書を依頼し、別の 1 人が自分の受付端末で承認すると、その端末で封書が印刷されます。使用すると情報システム担当と監査担当に通知されます。</translation>
    </message>
    <message>
        <source>Emergency accounts</source>
        <translation>非常用アカウント</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>封書番号</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>最終テスト</translation>
    </message>
    <message>
        <source>Ask for this ward&apos;s account</source>
        <translation>この病棟のアカウントを依頼</translation>
    </message>
    <message>
        <source>Ask for a new letter</source>
        <translation>新しい封書を依頼</translation>
    </message>
    <message>
        <source>Approve and print the letter</source>
        <translation>承認して封書を印刷</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>No letter yet</source>
        <translation>封書未発行</translation>
    </message>
    <message>
        <source>Ready (sealed letter)</source>
        <translation>使用可能（封書保管中）</translation>
    </message>
    <message>
        <source>In use until %1</source>
        <translation>使用中（%1 まで）</translation>
    </message>
    <message>
        <source>Used on %1: needs a new letter</source>
        <translation>%1 に使用済み：新しい封書が必要</translation>
    </message>
    <message>
        <source>Asked by %1 at %2</source>
        <translation>%1 が %2 に依頼</translation>
    </message>
    <message>
        <source>Asked for %1. Another person approves it at their own desk, where the sealed letter is printed.</source>
        <translation>%1 を依頼しました。別の担当者が自分の受付端末で承認し、そこで封書が印刷されます。</translation>
    </message>
    <message>
        <source>Asked for a new letter for %1. The current letter works until another person approves the new one.</source>
        <translation>%1 の新しい封書を依頼しました。別の担当者が新しい封書を承認するまで、現在の封書が有効です。</translation>
    </message>
    <message>
        <source>Approved: the letter for %1 is printed. Seal it and take it to the ward&apos;s safe; the previous letter no longer works.</source>
        <translation>承認しました：%1 の封書を印刷しました。封をして病棟の金庫に保管してください。以前の封書は使えなくなりました。</translation>
    </message>
</context>
<context>
    <name>ward::EmergencyLoginPage</name>
    <message>
        <source>Periodic test only (nothing opens; recorded as a test)</source>
        <translation>定期テストのみ（何も開きません。テストとして記録されます）</translation>
    </message>
    <message>
        <source>Emergency account</source>
        <translation>非常用アカウント</translation>
    </message>
    <message>
        <source>Only when nobody can log in with a card. IT and the auditors are told at once, every action is recorded under your name, and the account closes after this shift until IT issues a new letter.</source>
        <translation>カードで誰もログインできないときだけ使用してください。情報システム担当と監査担当にただちに通知され、すべての操作はあなたの名前で記録されます。このアカウントは勤務帯の終わりに閉じられ、新しい封書が発行されるまで使えません。</translation>
    </message>
    <message>
        <source>Emergency account (on the sealed letter)</source>
        <translation>非常用アカウント（封書に記載）</translation>
    </message>
    <message>
        <source>e.g. Yamada Taro, visiting doctor, Kita Hospital</source>
        <translation>例：山田太郎（応援医師・北病院）</translation>
    </message>
    <message>
        <source>Your name and where you work</source>
        <translation>あなたの氏名と所属</translation>
    </message>
    <message>
        <source>e.g. IC card system down; visiting staff in a disaster</source>
        <translation>例：ICカードシステム停止、災害時の応援職員</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
</context>
<context>
    <name>ward::EnrolCodePage</name>
    <message>
        <source>Enrolment code for a new terminal</source>
        <translation>新しい端末の登録コード</translation>
    </message>
    <message>
        <source>The code lets one new terminal join the hub for the ward you choose. It works once and only until it expires; it is shown once, here.</source>
        <translation>このコードで、選んだ病棟の新しい端末を1台だけハブに登録できます。使えるのは1回、有効期限までです。コードはここで1回だけ表示されます。</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15分</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1時間</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4時間</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1日</translation>
    </message>
    <message>
        <source>Issue the code</source>
        <translation>コードを発行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Hub CA fingerprint (SHA-256) — compare it at the new terminal before the code is sent:</source>
        <translation>ハブCAのフィンガープリント（SHA-256）— コードを送信する前に、新しい端末の表示と照合してください：</translation>
    </message>
    <message>
        <source>Done — hide the code</source>
        <translation>完了（コードを消去）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Enrolment code for ward %1 — shown only now</source>
        <translation>病棟 %1 の登録コード — 表示は今回限りです</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>登録コード</translation>
    </message>
    <message>
        <source>Valid until %1 (once)</source>
        <translation>有効期限 %1（1回限り）</translation>
    </message>
    <message>
        <source>At the new terminal: wardstation --enrol --hub &lt;hub address&gt; --code &lt;this code&gt; --hub-ca-fingerprint &lt;the fingerprint above&gt; --data-dir &lt;its data folder&gt; [--terminal &lt;its name in this list; default: the host name&gt;]. If the terminal shows another fingerprint, stop: it is not talking to this hub. Do not write the code down or send it by mail; issue a new one if it expires.</source>
        <translation>新しい端末で：wardstation --enrol --hub &lt;ハブのアドレス&gt; --code &lt;このコード&gt; --hub-ca-fingerprint &lt;上のフィンガープリント&gt; --data-dir &lt;端末のデータフォルダ&gt; [--terminal &lt;この一覧での端末名。省略時はホスト名&gt;]。端末に別のフィンガープリントが表示されたら中止してください（このハブに接続していません）。コードを紙に書いたりメールで送ったりしないでください。期限が切れたら新しいコードを発行してください。</translation>
    </message>
</context>
<context>
    <name>ward::Enrolment</name>
    <message>
        <source>The hub presents a CA with fingerprint %1, which is not the fingerprint you confirmed. Nothing was sent. Check the hub address and the fingerprint printed by wardhub init.</source>
        <translation>ハブが提示したCAのフィンガープリントは %1 で、確認したものと一致しません。何も送信していません。ハブのアドレスと wardhub init が表示したフィンガープリントを確認してください。</translation>
    </message>
    <message>
        <source>The hub did not present its CA certificate in the TLS handshake; enrolment cannot confirm whom it talks to.</source>
        <translation>ハブがTLSハンドシェイクでCA証明書を提示しなかったため、接続先を確認できません。登録できません。</translation>
    </message>
    <message>
        <source>The hub cannot be reached (%1).</source>
        <translation>ハブに接続できません（%1）。</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>ハブが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The terminal name must be 1 to 64 characters.</source>
        <translation>端末名は1〜64文字でなければなりません。</translation>
    </message>
    <message>
        <source>The hub&apos;s enrolment answer does not fit this terminal&apos;s key and the confirmed CA; nothing was stored.</source>
        <translation>ハブの登録応答がこの端末の鍵または確認済みのCAと一致しません。何も保存されていません。</translation>
    </message>
</context>
<context>
    <name>ward::ExportDialog</name>
    <message>
        <source>Print or export — %1</source>
        <translation>印刷・出力 — %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>出力する内容</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Choose the purpose…</source>
        <translation>目的を選んでください…</translation>
    </message>
    <message>
        <source>Purpose (required)</source>
        <translation>目的（必須）</translation>
    </message>
    <message>
        <source>e.g. referral letter to 中央病院, Dr. 山田</source>
        <translation>例：中央病院 山田先生への紹介状に添付</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>出力先</translation>
    </message>
    <message>
        <source>No printer is set up at this terminal</source>
        <translation>この端末にはプリンターが設定されていません</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Password for the receiver</source>
        <translation>受け取る側に伝えるパスワード</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <source>Print / export</source>
        <translation>印刷・出力</translation>
    </message>
    <message>
        <source>What you print or export leaves the chart&apos;s protection. It is recorded in the export ledger with your name and purpose, and every page carries your name and the ledger number.</source>
        <translation>印刷・出力したものはカルテの保護の外に出ます。あなたの氏名と目的とともに持出し台帳に記録され、各ページにはあなたの氏名と台帳番号が入ります。</translation>
    </message>
    <message>
        <source>Your role may not print or export from the chart.</source>
        <translation>あなたの職種ではカルテの印刷・出力はできません。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>2つのパスワードが一致しません。同じパスワードを2回入力してください。</translation>
    </message>
    <message>
        <source>The password for the receiver must have at least %1 characters.</source>
        <translation>受け取る側のパスワードは %1 文字以上にしてください。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is not available at this terminal.</source>
        <translation>プリンター「%1」はこの端末では使えません。</translation>
    </message>
    <message>
        <source>Not printed: %1 (ledger %2 records the attempt)</source>
        <translation>印刷されませんでした：%1（台帳 %2 に記録しました）</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s). Ledger number %1.</source>
        <translation>
            <numerusform>%n ページを印刷しました。台帳番号 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 に書き込んでいます…</translation>
    </message>
    <message>
        <source>Not exported: %1 (ledger %2 records the attempt)</source>
        <translation>出力されませんでした：%1（台帳 %2 に記録しました）</translation>
    </message>
    <message>
        <source>Saved to %1. Ledger number %2.</source>
        <translation>%1 に保存しました。台帳番号 %2。</translation>
    </message>
    <message>
        <source>A password told to the receiver</source>
        <translation>受け取る方に伝えるパスワード</translation>
    </message>
    <message>
        <source>Certificate of %1 (valid until %2)</source>
        <translation>%1 の証明書（%2 まで有効）</translation>
    </message>
    <message>
        <source>Encrypt for</source>
        <translation>暗号化の相手</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid now. Ask IT for the receiving hospital&apos;s current certificate, or encrypt with a password.</source>
        <translation>%1 の証明書は現在有効ではありません。受け取る病院の現在の証明書を情報システム担当に依頼するか、パスワードで暗号化してください。</translation>
    </message>
</context>
<context>
    <name>ward::ExportPolicy</name>
    <message>
        <source>export.destinations must list printer, folder and/or media.</source>
        <translation>export.destinations には printer、folder、media のいずれかを並べてください。</translation>
    </message>
    <message>
        <source>export.folder must be an absolute path.</source>
        <translation>export.folder は絶対パスでなければなりません。</translation>
    </message>
    <message>
        <source>export.mediaRoots must list absolute mount points such as /media.</source>
        <translation>export.mediaRoots には /media のようなマウント先の絶対パスを並べてください。</translation>
    </message>
    <message>
        <source>The hospital policy does not allow exports to removable media at this terminal.</source>
        <translation>病院のポリシーにより、この端末から外部媒体への出力はできません。</translation>
    </message>
    <message>
        <source>The hospital policy does not allow output to %1.</source>
        <translation>病院のポリシーにより、%1 への出力はできません。</translation>
    </message>
    <message>
        <source>Choose a printer.</source>
        <translation>プリンターを選んでください。</translation>
    </message>
    <message>
        <source>No export folder is set in the hospital policy. Ask IT.</source>
        <translation>病院のポリシーに出力フォルダーが設定されていません。情報システム担当に連絡してください。</translation>
    </message>
    <message>
        <source>Files may only be saved in the export folder %1.</source>
        <translation>ファイルは出力フォルダー %1 の中にだけ保存できます。</translation>
    </message>
    <message>
        <source>The file must be on removable media (under %1).</source>
        <translation>ファイルは外部媒体（%1 の下）に保存してください。</translation>
    </message>
    <message>
        <source>export.recipients must list receiving hospitals, each with a name (up to %1 characters) and its certificate in PEM.</source>
        <translation>export.recipients には、受け取る病院を名前（%1 文字まで）と PEM 形式の証明書の組で列挙してください。</translation>
    </message>
</context>
<context>
    <name>ward::ExportPurpose</name>
    <message>
        <source>Referral or transfer to another hospital</source>
        <translation>他院への紹介・転院</translation>
    </message>
    <message>
        <source>Disclosure to the patient or family</source>
        <translation>患者本人・家族への開示</translation>
    </message>
    <message>
        <source>Request by law, court or authority</source>
        <translation>法令・裁判所・行政機関からの求め</translation>
    </message>
    <message>
        <source>Case conference in the hospital</source>
        <translation>院内カンファレンス</translation>
    </message>
    <message>
        <source>Insurance claim or review</source>
        <translation>保険請求・審査</translation>
    </message>
    <message>
        <source>Other (write the purpose)</source>
        <translation>その他（目的を記入）</translation>
    </message>
    <message>
        <source>Choose the purpose of this output.</source>
        <translation>出力の目的を選んでください。</translation>
    </message>
    <message>
        <source>Unknown purpose &quot;%1&quot;.</source>
        <translation>不明な目的「%1」です。</translation>
    </message>
    <message>
        <source>Write the purpose in a few words (at least %1 characters).</source>
        <translation>目的を具体的に記入してください（%1 文字以上）。</translation>
    </message>
    <message>
        <source>The purpose may have at most %1 characters.</source>
        <translation>目的は %1 文字以内で記入してください。</translation>
    </message>
</context>
<context>
    <name>ward::ExportRequest</name>
    <message>
        <source>Patient summary</source>
        <translation>患者サマリー</translation>
    </message>
    <message>
        <source>Notes of a period</source>
        <translation>期間の記録（経過記録・看護記録）</translation>
    </message>
    <message>
        <source>Temperature sheet</source>
        <translation>温度板</translation>
    </message>
    <message>
        <source>Lab results table</source>
        <translation>検査結果一覧</translation>
    </message>
    <message>
        <source>All records (FHIR file)</source>
        <translation>全記録（FHIR ファイル）</translation>
    </message>
    <message>
        <source>Lab results (CSV file)</source>
        <translation>検査結果（CSV ファイル）</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>プリンター</translation>
    </message>
    <message>
        <source>Hospital export folder</source>
        <translation>院内の出力フォルダー</translation>
    </message>
    <message>
        <source>Removable media (encrypted)</source>
        <translation>外部媒体（暗号化）</translation>
    </message>
</context>
<context>
    <name>ward::ExportService</name>
    <message>
        <source>Your role may not print or export %1.</source>
        <translation>あなたの職種では「%1」を印刷・出力できません。</translation>
    </message>
    <message>
        <source>Choose the first and last day of the period.</source>
        <translation>期間の最初と最後の日を選んでください。</translation>
    </message>
    <message>
        <source>A data file cannot be printed: save it to the export folder or to removable media.</source>
        <translation>データファイルは印刷できません。出力フォルダーか外部媒体に保存してください。</translation>
    </message>
    <message>
        <source>Record %1 does not read (%2); nothing was exported.</source>
        <translation>記録 %1 を読み取れません（%2）。何も出力していません。</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>結果値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>基準下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>基準上限</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>The medium is full: %1 needs %2 KB, %3 KB are free. Nothing was written.</source>
        <translation>媒体の空き容量が足りません：%1 には %2 KB 必要ですが、空きは %3 KB です。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>%1 could not be written (%2). Nothing was left there.</source>
        <translation>%1 を書き込めませんでした（%2）。書きかけのファイルは残していません。</translation>
    </message>
    <message>
        <source>The file on the medium did not read back correctly and was removed. Try another medium.</source>
        <translation>媒体上のファイルを正しく読み戻せなかったため削除しました。別の媒体を使ってください。</translation>
    </message>
</context>
<context>
    <name>ward::HelpOverlay</name>
    <message>
        <source>Ask your ward manager whom to call; the hospital has not entered a contact on this terminal yet.</source>
        <translation>連絡先がこの端末にまだ登録されていません。病棟の師長に連絡先を確認してください。</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる（Esc）</translation>
    </message>
    <message>
        <source>Lost or broken card</source>
        <translation>カードをなくした・壊れた</translation>
    </message>
    <message>
        <source>Tell reception at once: they block the card so nobody else can use it. For this shift they can give you a one-time code: choose &quot;No card? Use a one-time code from reception&quot; on the card screen. That login is recorded and flagged.</source>
        <translation>すぐに受付へ連絡してください。他の人が使えないようにカードを停止します。この勤務帯の間は受付でワンタイムコードを発行してもらえます。カードの画面で「カードがない場合：受付のワンタイムコードを使う」を選んでください。このログインは記録され、確認対象になります。</translation>
    </message>
    <message>
        <source>Forgotten password</source>
        <translation>パスワードを忘れた</translation>
    </message>
    <message>
        <source>Nobody can look your password up. Reception resets it after checking your staff ID, and gives you a sealed temporary password that you change at your next login.</source>
        <translation>パスワードは誰にも調べられません。受付で職員証による本人確認のうえリセットし、封筒に入った仮パスワードを渡します。次のログインで新しいパスワードに変更してください。</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>アカウントがロックされた</translation>
    </message>
    <message>
        <source>After too many wrong passwords the account locks. Waiting does not unlock it: an administrator must, after checking who you are. Call the contact below.</source>
        <translation>パスワードを続けて間違えるとアカウントがロックされます。時間がたっても解除されません。本人確認のうえ管理者が解除します。下の連絡先に電話してください。</translation>
    </message>
    <message>
        <source>Password expired or expiring</source>
        <translation>パスワードの期限切れ・期限間近</translation>
    </message>
    <message>
        <source>From a few days before expiry each login tells you how many days are left and offers to change it. On the day it expires you must choose a new one to log in; the hub must be reachable.</source>
        <translation>期限の数日前から、ログインのたびに残り日数を表示し、変更を勧めます。期限の日には新しいパスワードに変更しないとログインできません（ハブに接続できる必要があります）。</translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Why the screen is locked</source>
        <translation>画面がロックされている理由</translation>
    </message>
    <message>
        <source>The terminal locks when nobody used it for a while, when the card was removed or when someone pressed Lock. Your drafts were saved; nothing of the session is on the screen.</source>
        <translation>一定時間操作がないとき、カードを抜いたとき、またはロックボタンを押したときに端末はロックされます。下書きは保存済みで、画面には作業中の内容は表示されません。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Insert your staff card and enter your password.</source>
        <translation>職員カードを挿して、パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Someone else&apos;s session</source>
        <translation>他の人がロックした端末</translation>
    </message>
    <message>
        <source>Insert your own card and enter your password: the locked session ends (its drafts are kept for its owner) and yours starts.</source>
        <translation>自分のカードを挿してパスワードを入力してください。ロック中のセッションは終了し（下書きは本人のために保存されます）、あなたのセッションが始まります。</translation>
    </message>
    <message>
        <source>Help: logging in</source>
        <translation>ヘルプ：ログイン</translation>
    </message>
    <message>
        <source>Help: the locked screen</source>
        <translation>ヘルプ：ロック画面</translation>
    </message>
    <message>
        <source>This screen has no keyboard shortcuts.</source>
        <translation>この画面にはキーボードショートカットがありません。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts on this screen</source>
        <translation>この画面のキーボードショートカット</translation>
    </message>
</context>
<context>
    <name>ward::HubLoginBackend</name>
    <message>
        <source>The hub refused this terminal&apos;s certificate (TLS handshake failed). Ask IT to check the terminal&apos;s enrolment.</source>
        <translation>ハブがこの端末の証明書を拒否しました（TLSハンドシェイク失敗）。IT担当者に端末の登録確認を依頼してください。</translation>
    </message>
    <message>
        <source>The hub did not issue a card challenge (%1). Ask IT.</source>
        <translation>ハブがカード認証用のチャレンジを発行しませんでした（%1）。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The password (or the card) was not accepted. Type the password again; after too many failures the account is locked.</source>
        <translation>パスワード（またはカード）が受け付けられませんでした。パスワードを再入力してください。失敗が続くとアカウントがロックされます。</translation>
    </message>
    <message>
        <source>This hub does not offer card-less login yet. Ask IT.</source>
        <translation>このハブはカードなしログインにまだ対応していません。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The hub refused the login: %1</source>
        <translation>ハブがログインを拒否しました：%1</translation>
    </message>
    <message>
        <source>The hub accepted the login but did not release this terminal&apos;s vault key. Ask IT to check the terminal&apos;s enrolment.</source>
        <translation>ハブはログインを受け付けましたが、この端末の保管庫鍵を渡しませんでした。IT担当者に端末の登録確認を依頼してください。</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so the password cannot be changed now. Try again later.</source>
        <translation>ハブに接続できないため、現在パスワードを変更できません。後でもう一度お試しください。</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>現在のパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>This hub does not support changing passwords from a terminal yet. Ask IT.</source>
        <translation>このハブは端末からのパスワード変更にまだ対応していません。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>The hub refused the change: %1</source>
        <translation>ハブが変更を拒否しました：%1</translation>
    </message>
    <message>
        <source>This hub does not offer emergency accounts yet. Ask IT.</source>
        <translation>このハブは非常用アカウントにまだ対応していません。情報システム担当に連絡してください。</translation>
    </message>
    <message>
        <source>The hub&apos;s answer for the emergency account is incomplete. Call IT.</source>
        <translation>非常用アカウントに対するハブの応答が不完全です。情報システム担当に連絡してください。</translation>
    </message>
    <message>
        <source>This emergency account was used on %1 and is closed until IT issues a new letter.</source>
        <translation>この非常用アカウントは %1 に使用され、情報システム担当が新しい封書を発行するまで使用できません。</translation>
    </message>
    <message>
        <source>This emergency account was used and is closed until IT issues a new letter.</source>
        <translation>この非常用アカウントは使用済みで、情報システム担当が新しい封書を発行するまで使用できません。</translation>
    </message>
    <message>
        <source>This emergency account is in use; a test login is not possible now.</source>
        <translation>この非常用アカウントは使用中のため、今は試験ログインできません。</translation>
    </message>
    <message>
        <source>This emergency account has no approved letter yet. Call IT.</source>
        <translation>この非常用アカウントの封書はまだ承認されていません。情報システム担当に連絡してください。</translation>
    </message>
</context>
<context>
    <name>ward::ItWorkspace</name>
    <message>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <source>Policy approvals</source>
        <translation>ポリシー承認</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Notices (%1)</source>
        <translation>お知らせ（%1）</translation>
    </message>
</context>
<context>
    <name>ward::LastLoginBanner</name>
    <message>
        <source>This was not me</source>
        <translation>これは私ではない</translation>
    </message>
    <message>
        <source>Send report to IT</source>
        <translation>情報システム担当へ報告</translation>
    </message>
    <message>
        <source>Optional: what you noticed (no patient information)</source>
        <translation>任意：気づいたこと（患者情報は書かないでください）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Report to IT that this login or these attempts were not yours. IT reviews it and may contact you; change your password soon.</source>
        <translation>このログインまたは失敗した試行が自分ではないことを情報システム担当へ報告します。担当者が確認し、連絡することがあります。早めにパスワードを変更してください。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Last login: %1 at terminal %2.</source>
        <translation>前回ログイン：%1（端末 %2）</translation>
    </message>
    <message>
        <source>This is your first login.</source>
        <translation>初めてのログインです。</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) since then.</source>
        <translation>
            <numerusform>それ以降の失敗：%n 回。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the report…</source>
        <translation>報告を送信しています…</translation>
    </message>
</context>
<context>
    <name>ward::LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation>ロックした利用者：%1</translation>
    </message>
    <message>
        <source>Card read. Enter your password to unlock.</source>
        <translation>カードを読み取りました。ロックを解除するにはパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Insert your staff card and enter your password to unlock.</source>
        <translation>ロックを解除するには、職員カードを挿してパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>ward::LoginController</name>
    <message>
        <source>The card service is not running. Ask IT to restart the card service (pcscd).</source>
        <translation>カードサービスが動作していません。IT担当者にカードサービス（pcscd）の再起動を依頼してください。</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <source>The card was removed during login. Present your card again.</source>
        <translation>ログイン中にカードが抜かれました。もう一度カードをかざしてください。</translation>
    </message>
    <message>
        <source>This hospital does not allow ID badges without a chip key for login. Use your staff IC card.</source>
        <translation>この病院では、鍵を持たないIDバッジでのログインは許可されていません。職員ICカードを使ってください。</translation>
    </message>
    <message>
        <source>This card is not registered. Ask reception to register your card.</source>
        <translation>このカードは登録されていません。受付でカードの登録を依頼してください。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <source>No card reader is connected. Check the reader&apos;s cable or ask IT.</source>
        <translation>カードリーダーが接続されていません。リーダーのケーブルを確認するか、IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>Enter the one-time code reception gave you.</source>
        <translation>受付で受け取ったワンタイムコードを入力してください。</translation>
    </message>
    <message>
        <source>Card-less login with a one-time code. Enter your password.</source>
        <translation>ワンタイムコードによるカードなしログインです。パスワードを入力してください。</translation>
    </message>
    <message>
        <source>This terminal has no hub and no vault configured. Ask IT.</source>
        <translation>この端末にはハブも保管庫も設定されていません。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Enter your current password to change it.</source>
        <translation>変更するには現在のパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The new password and its confirmation differ. Type them again.</source>
        <translation>新しいパスワードと確認用の入力が一致しません。もう一度入力してください。</translation>
    </message>
    <message>
        <source>Checking the new password…</source>
        <translation>新しいパスワードを確認しています…</translation>
    </message>
    <message>
        <source>The password can only be changed while the hub is reachable.</source>
        <translation>パスワードはハブに接続できるときだけ変更できます。</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s). On that day you must change it to log in.</source>
        <translation>
            <numerusform>パスワードの有効期限まであと %n 日です。期限の日には変更しないとログインできません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change it now?</source>
        <translation>今すぐ変更しますか？</translation>
    </message>
    <message>
        <source>This terminal is offline: change it at the next login while the hub is reachable.</source>
        <translation>この端末はオフラインです。ハブに接続できるときのログインで変更してください。</translation>
    </message>
    <message>
        <source>Choose a new password. You can also keep the current one for now.</source>
        <translation>新しいパスワードを決めてください。今のパスワードをしばらく使うこともできます。</translation>
    </message>
    <message>
        <source>Type the emergency account printed on the sealed letter (it begins with EMERG).</source>
        <translation>封書に印刷された非常用アカウント（EMERG で始まります）を入力してください。</translation>
    </message>
    <message>
        <source>Type your own name and where you work: the record must say who used the account.</source>
        <translation>あなた自身の氏名と所属を入力してください。誰が使用したかを記録に残す必要があります。</translation>
    </message>
    <message>
        <source>Say briefly why the emergency account is needed.</source>
        <translation>非常用アカウントが必要な理由を簡潔に入力してください。</translation>
    </message>
    <message>
        <source>Test of the emergency account: type the password from the sealed letter. Nothing will open.</source>
        <translation>非常用アカウントのテストです。封書のパスワードを入力してください。何も開きません。</translation>
    </message>
    <message>
        <source>Emergency account: type the password from the sealed letter. IT and the auditors are told at once.</source>
        <translation>非常用アカウントです。封書のパスワードを入力してください。情報システム担当と監査担当にただちに通知されます。</translation>
    </message>
</context>
<context>
    <name>ward::LoginScreen</name>
    <message>
        <source>Card-less login (one-time code). This login is flagged and recorded.</source>
        <translation>カードなしログイン（ワンタイムコード）。このログインは記録され、確認対象になります。</translation>
    </message>
    <message>
        <source>Present your card</source>
        <translation>カードをかざしてください</translation>
    </message>
    <message>
        <source>No card? Use a one-time code from reception</source>
        <translation>カードがない場合：受付のワンタイムコードを使う</translation>
    </message>
    <message>
        <source>Card-less login</source>
        <translation>カードなしログイン</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>利用者ID</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>ワンタイムコード</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>利用者ID：%1</translation>
    </message>
    <message numerus="yes">
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>%n 秒後に再入力できます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s).</source>
        <translation>
            <numerusform>パスワードの有効期限まであと %n 日です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Card-less login with a one-time code: this session is flagged.</source>
        <translation>ワンタイムコードによるカードなしログイン：このセッションは確認対象として記録されています。</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>あとで</translation>
    </message>
    <message>
        <source>Change password now</source>
        <translation>今すぐパスワードを変更</translation>
    </message>
    <message>
        <source>Maintenance and diagnostics (IT)</source>
        <translation>保守・診断（IT）</translation>
    </message>
    <message>
        <source>IT staff: present your own IC card and enter your password. The terminal&apos;s diagnostics page opens after the login for an account allowed to manage terminals; anyone else sees their usual screen.</source>
        <translation>情報システム担当者の方：ご自身のICカードをかざし、パスワードを入力してください。端末管理の権限をもつアカウントでは、ログイン後に端末診断の画面が開きます。それ以外の方には通常の画面が表示されます。</translation>
    </message>
    <message>
        <source>Login for maintenance and diagnostics (IT)</source>
        <translation>保守・診断（IT）のためのログイン</translation>
    </message>
    <message>
        <source>EMERGENCY ACCOUNT. IT and the auditors are told; everything is recorded.</source>
        <translation>非常用アカウント。情報システム担当と監査担当に通知され、すべて記録されます。</translation>
    </message>
    <message>
        <source>Emergency account (sealed letter)</source>
        <translation>非常用アカウント（封書）</translation>
    </message>
    <message>
        <source>Emergency account: %1</source>
        <translation>非常用アカウント：%1</translation>
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
    <name>ward::NotEnrolledScreen</name>
    <message>
        <source>This terminal is not enrolled</source>
        <translation>この端末は登録されていません</translation>
    </message>
    <message>
        <source>It holds no patient data and nobody can log in. To use it again, IT issues an enrolment code for a ward at the hub and enrols it:
wardstation --enrol --hub URL --code CODE --hub-ca-fingerprint HEX --data-dir DIR</source>
        <translation>患者情報は残っておらず、ログインできません。再び使用するには、情報システム担当がハブで病棟の登録コードを発行し、端末を登録してください:
wardstation --enrol --hub URL --code CODE --hub-ca-fingerprint HEX --data-dir DIR</translation>
    </message>
</context>
<context>
    <name>ward::NoteEditor</name>
    <message>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>自由記載</translation>
    </message>
    <message>
        <source>S — subjective</source>
        <translation>S — 主観的情報</translation>
    </message>
    <message>
        <source>O — objective</source>
        <translation>O — 客観的情報</translation>
    </message>
    <message>
        <source>A — assessment</source>
        <translation>A — 評価</translation>
    </message>
    <message>
        <source>P — plan</source>
        <translation>P — 計画</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Note format</source>
        <translation>記載形式</translation>
    </message>
</context>
<context>
    <name>ward::NoticesPanel</name>
    <message>
        <source>Uses of the wards&apos; emergency accounts in the last 14 days, newest first. Check each with the ward, then have a second person issue a new letter for the account.</source>
        <translation>過去 14 日間の病棟の非常用アカウントの使用（新しい順）。それぞれ病棟に確認し、別の担当者とともにそのアカウントの新しい封書を発行してください。</translation>
    </message>
    <message>
        <source>Emergency account notices</source>
        <translation>非常用アカウントのお知らせ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>Person at the terminal</source>
        <translation>端末を使った人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Used (offline, reported later)</source>
        <translation>使用（オフライン、後から報告）</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message numerus="yes">
        <source>Emergency account in use: %1 (%n use(s) in the last 24 hours). Check with the ward now.</source>
        <translation>
            <numerusform>非常用アカウント使用中：%1（過去 24 時間に %n 回）。今すぐ病棟に確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reported by a terminal of another ward, which cannot hold this letter: not accepted.</source>
        <translation>この封書を持てない他病棟の端末からの報告のため、受け付けていません。</translation>
    </message>
    <message>
        <source>Reported by a terminal without the letter&apos;s proof: not accepted. Check that terminal.</source>
        <translation>封書の証明がない端末からの報告のため、受け付けていません。その端末を確認してください。</translation>
    </message>
    <message>
        <source>The account&apos;s use period was over.</source>
        <translation>アカウントの使用期間が終わっていました。</translation>
    </message>
    <message>
        <source>A test login while the account was in use.</source>
        <translation>アカウントの使用中に試験ログインが行われました。</translation>
    </message>
    <message>
        <source>The account had no approved letter yet.</source>
        <translation>アカウントの封書がまだ承認されていませんでした。</translation>
    </message>
</context>
<context>
    <name>ward::OfflineLoginBackend</name>
    <message>
        <source>A one-time code can only be used while the hub is reachable.</source>
        <translation>ワンタイムコードはハブに接続できるときだけ使えます。</translation>
    </message>
    <message>
        <source>The password can only be changed while the hub is reachable. Try again when the network is back, or use a terminal that is online.</source>
        <translation>パスワードはハブに接続できるときだけ変更できます。ネットワークが復旧してから再度お試しいただくか、オンラインの端末を使ってください。</translation>
    </message>
    <message>
        <source>This terminal&apos;s offline login data was altered and cannot be trusted. Log in while the hub is reachable, and tell IT.</source>
        <translation>この端末のオフラインログイン用データが改変されており、信頼できません。ハブに接続できる状態でログインし、IT担当者に知らせてください。</translation>
    </message>
    <message>
        <source>This terminal has no offline key for this emergency account (it is another ward&apos;s, or its letter has not reached this terminal yet). Follow the ward&apos;s paper procedure and call IT.</source>
        <translation>この端末には、この非常用アカウントのオフライン用の鍵がありません（他病棟のアカウントか、封書の情報がまだこの端末に届いていません）。病棟の紙運用の手順に従い、情報システム担当に連絡してください。</translation>
    </message>
    <message>
        <source>This emergency account was used on %1 and is closed until IT issues a new letter.</source>
        <translation>この非常用アカウントは %1 に使用され、情報システム担当が新しい封書を発行するまで使用できません。</translation>
    </message>
    <message>
        <source>This letter is no longer valid on this terminal (a newer letter was issued). Call IT.</source>
        <translation>この封書はこの端末では無効です（新しい封書が発行されています）。情報システム担当に連絡してください。</translation>
    </message>
</context>
<context>
    <name>ward::PatientChart</name>
    <message>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>時系列</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>推移</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>検査結果</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>原因物質</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重症度</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>投与経路</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>Medication orders</source>
        <translation>処方</translation>
    </message>
    <message>
        <source>New progress note</source>
        <translation>新規経過記録</translation>
    </message>
    <message>
        <source>New nursing note</source>
        <translation>新規看護記録</translation>
    </message>
    <message>
        <source>Enter vital signs</source>
        <translation>バイタルサイン入力</translation>
    </message>
    <message>
        <source>ID %1 · %2 years · %3 · %4 bed %5</source>
        <translation>ID %1 · %2歳 · %3 · %4 ベッド %5</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1（代行入力：%2）</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Temperature chart</source>
        <translation>温度板</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記録日時</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>指示者</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新値</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this patient cannot be read (a record format from before this version). Re-seed this terminal from the hub.</source>
        <translation>
            <numerusform>この患者の記録 %n 件を読めません（このバージョンより前の記録形式）。端末をハブから再投入してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the timeline</source>
        <translation>時系列を表示</translation>
    </message>
    <message>
        <source>Show the temperature chart</source>
        <translation>温度板を表示</translation>
    </message>
    <message>
        <source>Show lab results</source>
        <translation>検査結果を表示</translation>
    </message>
    <message>
        <source>Show allergies</source>
        <translation>アレルギーを表示</translation>
    </message>
    <message>
        <source>Show medication orders</source>
        <translation>処方を表示</translation>
    </message>
    <message>
        <source>Print / export…</source>
        <translation>印刷・出力…</translation>
    </message>
    <message>
        <source>Print or export this chart</source>
        <translation>このカルテを印刷・出力</translation>
    </message>
</context>
<context>
    <name>ward::PendingRequests</name>
    <message>
        <source>Requests waiting for approval</source>
        <translation>承認待ちの申請</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申請者</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申請日時</translation>
    </message>
    <message>
        <source>Reason (required to refuse)</source>
        <translation>理由（却下する場合は必須）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Register %1</source>
        <translation>%1 の登録</translation>
    </message>
    <message>
        <source>Approved: the roles of %1 are changed.</source>
        <translation>承認しました。%1 の役割を変更しました。</translation>
    </message>
    <message>
        <source>Approved: %1 is registered and the letter is printed. Seal it in an envelope.</source>
        <translation>承認しました。%1 を登録し、通知書を印刷しました。封筒に入れて封をしてください。</translation>
    </message>
    <message>
        <source>Refused. Nothing was changed for this person.</source>
        <translation>却下しました。この職員については何も変更されていません。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Change roles and wards (wards: %1)</source>
        <translation>役割・病棟の変更（病棟：%1）</translation>
    </message>
    <message>
        <source>%1 was changed after this request was filed, so it cannot be applied as filed. Refuse it with a reason, and file the change again if it is still needed.</source>
        <translation>%1 はこの申請の後に変更されたため、申請どおりには反映できません。理由を入力して却下し、必要であれば改めて申請してください。</translation>
    </message>
</context>
<context>
    <name>ward::PolicyEditor</name>
    <message>
        <source>Passwords</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Lock and session times</source>
        <translation>ロックとセッション時間</translation>
    </message>
    <message>
        <source>Cards and help</source>
        <translation>カードと問い合わせ先</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>役割と権限</translation>
    </message>
    <message>
        <source>Compartments</source>
        <translation>区画</translation>
    </message>
    <message>
        <source>Offline grace</source>
        <translation>オフライン猶予</translation>
    </message>
    <message>
        <source>Changes against the version in force</source>
        <translation>現行版からの変更点</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定項目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Why the policy changes, e.g. &quot;infection control committee, 12 March&quot;</source>
        <translation>変更の理由（例：「3月12日 感染対策委員会の決定」）</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Review changes</source>
        <translation>変更内容を確認</translation>
    </message>
    <message>
        <source>Save and sign</source>
        <translation>保存して署名</translation>
    </message>
    <message>
        <source>Discard edits</source>
        <translation>編集を破棄</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>最小文字数</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 文字</translation>
    </message>
    <message>
        <source>Character kinds required (of 4)</source>
        <translation>必要な文字種の数（4種中）</translation>
    </message>
    <message>
        <source>Earlier passwords that cannot be reused</source>
        <translation>再使用できない過去のパスワード数</translation>
    </message>
    <message>
        <source>Password valid for</source>
        <translation>パスワードの有効期間</translation>
    </message>
    <message>
        <source>Privileged ID: password valid for</source>
        <translation>特権ID：パスワードの有効期間</translation>
    </message>
    <message>
        <source>Warn before expiry</source>
        <translation>期限切れの事前通知</translation>
    </message>
    <message>
        <source>Failed attempts before the account locks</source>
        <translation>アカウントロックまでの失敗回数</translation>
    </message>
    <message>
        <source>Privileged ID: failed attempts before it locks</source>
        <translation>特権ID：ロックまでの失敗回数</translation>
    </message>
    <message>
        <source>Temporary password valid for</source>
        <translation>仮パスワードの有効期間</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Idle lock after</source>
        <translation>無操作ロックまでの時間</translation>
    </message>
    <message>
        <source>Countdown shown before the idle lock</source>
        <translation>無操作ロック前のカウントダウン</translation>
    </message>
    <message>
        <source>Privileged session: idle lock after</source>
        <translation>特権セッション：無操作ロックまでの時間</translation>
    </message>
    <message>
        <source>A locked session ends after</source>
        <translation>ロック中のセッションを終了するまでの時間</translation>
    </message>
    <message>
        <source>Privileged session: time limit</source>
        <translation>特権セッション：上限時間</translation>
    </message>
    <message>
        <source>Lock screen dims after (0: never)</source>
        <translation>ロック画面を暗くするまでの時間（0：暗くしない）</translation>
    </message>
    <message>
        <source>Administration session: idle end after</source>
        <translation>管理セッション：無操作で終了するまでの時間</translation>
    </message>
    <message>
        <source>Lock the session</source>
        <translation>セッションをロック</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>When the card is removed</source>
        <translation>カードを抜いたとき</translation>
    </message>
    <message>
        <source>Allow UID badges (any reader can copy them: only where no IC card is issued)</source>
        <translation>UIDバッジを許可する（どのリーダーでも複製できるため、ICカードを発行していない職員に限る）</translation>
    </message>
    <message>
        <source>UID badges</source>
        <translation>UIDバッジ</translation>
    </message>
    <message>
        <source>UID badges allowed</source>
        <translation>UIDバッジの許可</translation>
    </message>
    <message>
        <source>e.g. IT office, extension 2345</source>
        <translation>例：情報システム課 内線2345</translation>
    </message>
    <message>
        <source>Whom staff call about cards and passwords</source>
        <translation>カード・パスワードの問い合わせ先</translation>
    </message>
    <message>
        <source>Help contact</source>
        <translation>問い合わせ先</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record types</source>
        <translation>記録の種類</translation>
    </message>
    <message>
        <source>Highest classification</source>
        <translation>最高区分</translation>
    </message>
    <message>
        <source>Add a permission row</source>
        <translation>権限の行を追加</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <source>Wards and departments whose records are kept apart (AC-2). A special compartment is open only to its assigned staff, without break-the-glass (AC-3).</source>
        <translation>記録を分けて管理する病棟・診療科です（AC-2）。特別区画は担当職員だけが閲覧でき、緊急閲覧（ブレークグラス）もできません（AC-3）。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>特別区画</translation>
    </message>
    <message>
        <source>Add a compartment</source>
        <translation>区画を追加</translation>
    </message>
    <message>
        <source>Remove the selected compartment</source>
        <translation>選択した区画を削除</translation>
    </message>
    <message>
        <source>Records signed on a terminal that was offline longer than this are held at the hub for review.</source>
        <translation>この時間を超えてオフラインだった端末で署名された記録は、ハブで確認待ちになります。</translation>
    </message>
    <message>
        <source>Warn when a terminal&apos;s clock is off by</source>
        <translation>端末の時計のずれを警告する幅</translation>
    </message>
    <message>
        <source>Reading the policy in force from the hub…</source>
        <translation>現行のポリシーをハブから読み込んでいます…</translation>
    </message>
    <message>
        <source>The policy could not be read</source>
        <translation>ポリシーを読み込めませんでした</translation>
    </message>
    <message>
        <source>Policy version %1 in force</source>
        <translation>ポリシー 第%1版 を適用中</translation>
    </message>
    <message>
        <source>No policy set yet: the terminals use their shipped defaults</source>
        <translation>ポリシーは未設定です（端末は出荷時の既定値を使用中）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) need correcting before the policy can be saved</source>
        <translation>
            <numerusform>保存する前に %n 件の設定を修正してください</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: the edited policy is the version in force.</source>
        <translation>変更はありません。編集内容は現行版と同じです。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>A colleague saved another version of the policy meanwhile. Nothing was saved: choose &quot;Discard edits&quot; to see the version in force, then make the change again.</source>
        <translation>この間に別の担当者がポリシーの新しい版を保存しました。今回の変更は保存されていません。「編集を破棄」で現行版を表示してから、もう一度変更してください。</translation>
    </message>
    <message>
        <source>Saved and signed by the hub as policy version %1. Terminals apply it at their next sync.</source>
        <translation>ポリシー 第%1版 として保存し、ハブが署名しました。各端末は次回の同期で適用します。</translation>
    </message>
    <message>
        <source>Role %1: permissions</source>
        <translation>役割 %1 の権限</translation>
    </message>
    <message>
        <source>(not set: terminal default)</source>
        <translation>（未設定：端末の既定値）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>(no such role)</source>
        <translation>（この役割なし）</translation>
    </message>
    <message>
        <source>%1 (terminal default)</source>
        <translation>%1（端末の既定値）</translation>
    </message>
    <message>
        <source>%1 on %2 up to classification %3</source>
        <translation>%2 に %1（区分 %3 まで）</translation>
    </message>
    <message>
        <source>Hub permissions</source>
        <translation>ハブでの権限</translation>
    </message>
    <message>
        <source>Hub permissions of each role</source>
        <translation>職種ごとのハブでの権限</translation>
    </message>
    <message>
        <source>What each role may do at the hub: users.manage, cards.manage, terminals.manage, policy.manage, audit.read, records.review (comma-separated, empty for none). Granting users.manage, cards.manage, terminals.manage or policy.manage needs a second IT person&apos;s approval (AC-4). A role is removed by removing its rows from both tables; a role somebody holds cannot be removed.</source>
        <translation>ハブで各職種に許す操作: users.manage、cards.manage、terminals.manage、policy.manage、audit.read、records.review（カンマ区切り、なしは空欄）。users.manage・cards.manage・terminals.manage・policy.manage の付与は、別の情報システム担当者の承認が必要です（AC-4）。職種を削除するには両方の表からその行を削除します。割り当てられている職員がいる職種は削除できません。</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>職種を追加</translation>
    </message>
    <message>
        <source>Remove the selected role</source>
        <translation>選択した職種を削除</translation>
    </message>
    <message>
        <source>This change grants privileges (%1). It was not applied: it waits for a second IT person to approve or refuse it under &quot;Policy approvals&quot;.</source>
        <translation>この変更は特権を付与します（%1）。まだ適用されていません。別の情報システム担当者が「ポリシー承認」で承認または却下するまで保留されます。</translation>
    </message>
    <message>
        <source>Role %1: hub permissions</source>
        <translation>職種 %1: ハブでの権限</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Nothing was saved: a role you removed is still held by staff. Change their roles at the reception desk first. (%1)</source>
        <translation>保存されませんでした。削除した職種がまだ職員に割り当てられています。先に受付で該当職員の職種を変更してください。（%1）</translation>
    </message>
    <message>
        <source>One row per permission of a role (AC-1). Actions: read, write, confirm, approve, proxy-enter, export. Record types: names such as nursing-note, or * for every type. Highest classification: 1 to 4 (I–IV).</source>
        <translation>役割の権限を1行に1つずつ設定します（AC-1）。操作: read（閲覧）、write（記載）、confirm（確定）、approve（承認）、proxy-enter（代行入力）、export（印刷・出力）。記録の種類: nursing-note などの名前、またはすべての種類を表す *。最高区分: 1〜4（I〜IV）。</translation>
    </message>
</context>
<context>
    <name>ward::PolicyRequestsPanel</name>
    <message>
        <source>Policy changes that grant privileges wait here for a second IT person (AC-4). Select one to see its changes; the person who filed it cannot decide it.</source>
        <translation>特権を付与するポリシー変更は、別の情報システム担当者の承認を待ってここに並びます（AC-4）。選択すると変更内容が表示されます。申請した本人は承認も却下もできません。</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申請日時</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申請者</translation>
    </message>
    <message>
        <source>Privileges granted</source>
        <translation>付与される特権</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Policy changes waiting for approval</source>
        <translation>承認待ちのポリシー変更</translation>
    </message>
    <message>
        <source>Changes against the version it was made on</source>
        <translation>申請時の版からの変更点</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定項目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Reason (required to refuse)</source>
        <translation>理由（却下する場合は必須）</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>承認して署名</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>You filed this policy change yourself: a second IT person must approve or refuse it (AC-4).</source>
        <translation>このポリシー変更はご自身が申請したものです。別の情報システム担当者が承認または却下してください（AC-4）。</translation>
    </message>
    <message>
        <source>Another policy version came into force after this request was filed. Refuse it; the change is made again on the version in force.</source>
        <translation>この申請の後に別のポリシー版が適用されました。この申請は却下し、現在の版に対して変更をやり直してください。</translation>
    </message>
    <message>
        <source>Approved: the hub signed it as policy version %1; terminals apply it at their next sync.</source>
        <translation>承認しました。ハブがポリシー第 %1 版として署名しました。各端末は次回の同期で適用します。</translation>
    </message>
    <message>
        <source>Refused: the policy in force is unchanged.</source>
        <translation>却下しました。現在のポリシーは変更されていません。</translation>
    </message>
</context>
<context>
    <name>ward::PolicyRules</name>
    <message>
        <source>%1 must be a group of settings (a JSON object).</source>
        <translation>%1 は設定のまとまり（JSON オブジェクト）で指定してください。</translation>
    </message>
    <message>
        <source>cards.allowUidBadges must be true or false.</source>
        <translation>cards.allowUidBadges は true か false で指定してください。</translation>
    </message>
    <message>
        <source>help.contact must be a text of at most %1 characters.</source>
        <translation>help.contact は %1 文字以内の文字列で指定してください。</translation>
    </message>
    <message>
        <source>records.offlineGraceHours must be a whole number of hours from 1 to %1.</source>
        <translation>records.offlineGraceHours は 1～%1 の整数（時間）で指定してください。</translation>
    </message>
    <message>
        <source>clock.skewWarningSeconds must be a whole number of seconds from 1 to %1.</source>
        <translation>clock.skewWarningSeconds は 1～%1 の整数（秒）で指定してください。</translation>
    </message>
    <message>
        <source>emergency.sessionMinutes must be a whole number of minutes from 5 to %1.</source>
        <translation>emergency.sessionMinutes は 5～%1 の整数（分）で指定してください。</translation>
    </message>
    <message>
        <source>emergency.useHours must be a whole number of hours from 1 to %1.</source>
        <translation>emergency.useHours は 1～%1 の整数（時間）で指定してください。</translation>
    </message>
</context>
<context>
    <name>ward::PrintedDocument</name>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>原因物質</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重症度</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation>最新のバイタルサイン</translation>
    </message>
    <message>
        <source>Medication orders</source>
        <translation>処方・注射オーダー</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>指示日時</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>記載者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Temperature ℃</source>
        <translation>体温 ℃</translation>
    </message>
    <message>
        <source>Pulse /min</source>
        <translation>脈拍 /分</translation>
    </message>
    <message>
        <source>Blood pressure mmHg</source>
        <translation>血圧 mmHg</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>Respiration /min</source>
        <translation>呼吸数 /分</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>結果値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>基準範囲</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Nothing was recorded in this period.</source>
        <translation>この期間の記録はありません。</translation>
    </message>
    <message>
        <source>Contains personal health information. Do not copy or leave unattended; return or shred after use.  Page %1 of %2</source>
        <translation>個人の健康情報を含みます。複写・放置禁止。使用後は返却またはシュレッダー処理してください。  %1 / %2 ページ</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; is not available at this terminal.</source>
        <translation>プリンター「%1」はこの端末では使えません。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; did not accept the job.</source>
        <translation>プリンター「%1」が印刷ジョブを受け付けませんでした。</translation>
    </message>
    <message>
        <source>The document could not be started.</source>
        <translation>文書を作成できませんでした。</translation>
    </message>
    <message>
        <source>The printer failed at page %1.</source>
        <translation>%1 ページ目でプリンターが失敗しました。</translation>
    </message>
    <message>
        <source>The printer reported an error while printing.</source>
        <translation>印刷中にプリンターがエラーを報告しました。</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>台帳 %1</translation>
    </message>
    <message>
        <source>Printed by %1 %2 · %3 · %4</source>
        <translation>印刷者 %1 %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%1   %2 – %3</source>
        <translation>%1&#x3000;&#x3000;%2 – %3</translation>
    </message>
</context>
<context>
    <name>ward::Reauthenticator</name>
    <message>
        <source>A check is already running. Wait for its answer.</source>
        <translation>確認中です。結果が出るまでお待ちください。</translation>
    </message>
    <message>
        <source>This terminal has no hub and no vault configured. Ask IT.</source>
        <translation>この端末にはハブも保管庫も設定されていません。IT担当者に連絡してください。</translation>
    </message>
</context>
<context>
    <name>ward::ReceptionClient</name>
    <message>
        <source>The hub cannot be reached (%1). Nothing was changed; try again when the hub is back.</source>
        <translation>ハブに接続できません（%1）。何も変更されていません。ハブが復旧してからやり直してください。</translation>
    </message>
    <message>
        <source>Another clerk changed this person a moment ago. The row now shows the current state: check it and do the change again if it is still needed.</source>
        <translation>別の担当者がこの職員の情報を直前に変更しました。行は現在の状態に更新されています。確認して、必要ならもう一度操作してください。</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>受け付けられませんでした：%1</translation>
    </message>
    <message>
        <source>This card was revoked (reported lost or broken) and cannot be issued again. Use a new card.</source>
        <translation>このカードは失効しています（紛失・破損の届出済み）。再発行には使えません。新しいカードを使ってください。</translation>
    </message>
    <message>
        <source>You filed this request yourself: a second authorised person must approve it (AC-4).</source>
        <translation>この申請はご自身が行ったものです。権限のある別の担当者が承認する必要があります（AC-4）。</translation>
    </message>
    <message>
        <source>Another person has already decided this request. The list was refreshed.</source>
        <translation>この申請は別の担当者が既に処理しました。一覧を更新しました。</translation>
    </message>
    <message>
        <source>The administration session ended after a few idle minutes (privileged session). Log out and log in again with your card and password to continue.</source>
        <translation>数分間操作がなかったため管理セッションが終了しました（特権セッション）。続けるには、ログアウトしてカードとパスワードでログインし直してください。</translation>
    </message>
    <message>
        <source>The administration session reached its time limit (privileged session). Log out and log in again with your card and password to continue.</source>
        <translation>管理セッションが制限時間に達しました（特権セッション）。続けるには、ログアウトしてカードとパスワードでログインし直してください。</translation>
    </message>
    <message>
        <source>Administration needs a login with your IC card and password; a one-time code login cannot change accounts.</source>
        <translation>管理操作には ICカードとパスワードでのログインが必要です。ワンタイムコードでのログインではアカウントを変更できません。</translation>
    </message>
    <message>
        <source>Your role does not allow this change. Ask a colleague with the reception role.</source>
        <translation>あなたの役割ではこの操作はできません。受付の役割を持つ職員に依頼してください。</translation>
    </message>
    <message>
        <source>Not found at the hub: %1</source>
        <translation>ハブに見つかりません：%1</translation>
    </message>
    <message>
        <source>The hub did not accept the entry: %1 Correct the field and try again.</source>
        <translation>ハブが入力を受け付けませんでした：%1 項目を直してからやり直してください。</translation>
    </message>
    <message>
        <source>Your role does not allow administering terminals (permission terminals.manage). Ask a colleague from IT.</source>
        <translation>端末を管理する権限（terminals.manage）がありません。情報システム担当に依頼してください。</translation>
    </message>
    <message>
        <source>Your role does not allow changing the hospital policy (permission policy.manage). Ask a colleague from IT.</source>
        <translation>病院ポリシーを変更する権限（policy.manage）がありません。情報システム担当に依頼してください。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>この操作を行う権限がありません。</translation>
    </message>
    <message>
        <source>Your role does not allow this (permission %1).</source>
        <translation>この操作を行う権限（%1）がありません。</translation>
    </message>
    <message>
        <source>You asked for this letter yourself: a second authorised person must approve it at their own desk (BCP-1).</source>
        <translation>この封書はあなた自身が依頼したものです。権限のある別の担当者が、自分の受付端末で承認する必要があります（BCP-1）。</translation>
    </message>
</context>
<context>
    <name>ward::ReceptionWorkspace</name>
    <message>
        <source>Find staff</source>
        <translation>職員検索</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>新規登録</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>帳票</translation>
    </message>
    <message>
        <source>IC cards</source>
        <translation>ICカード</translation>
    </message>
    <message>
        <source>Emergency accounts</source>
        <translation>非常用アカウント</translation>
    </message>
</context>
<context>
    <name>ward::RecordCodec</name>
    <message>
        <source>The text is longer than %1 characters.</source>
        <translation>文章が%1文字を超えています。</translation>
    </message>
    <message>
        <source>The text contains a control character (U+%1) at position %2; remove it.</source>
        <translation>%2文字目に制御文字（U+%1）があります。削除してください。</translation>
    </message>
    <message>
        <source>The text contains a broken character at position %1.</source>
        <translation>%1文字目に壊れた文字があります。</translation>
    </message>
    <message>
        <source>Unknown record type &quot;%1&quot;.</source>
        <translation>記録の種類「%1」は不明です。</translation>
    </message>
    <message>
        <source>The content does not belong to a %1 record.</source>
        <translation>内容が%1の記録のものではありません。</translation>
    </message>
    <message>
        <source>The record must name its patient.</source>
        <translation>記録には患者の指定が必要です。</translation>
    </message>
    <message>
        <source>The record must name its author.</source>
        <translation>記録には記載者の指定が必要です。</translation>
    </message>
    <message>
        <source>The clinical time is missing or not a date and time.</source>
        <translation>臨床日時がないか、日時として正しくありません。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1は必須です。</translation>
    </message>
    <message>
        <source>The reason the record was entered in error</source>
        <translation>誤記録とする理由</translation>
    </message>
    <message>
        <source>Only a record entered in error carries a reason.</source>
        <translation>理由は誤記録とする版にのみ記載できます。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 %4.</source>
        <translation>%1は%2〜%3 %4の範囲で入力してください。</translation>
    </message>
    <message>
        <source>Body temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>脈拍</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>収縮期血圧</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>拡張期血圧</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>呼吸数</translation>
    </message>
    <message>
        <source>Enter blood pressure as systolic and diastolic together.</source>
        <translation>血圧は収縮期と拡張期を両方入力してください。</translation>
    </message>
    <message>
        <source>Systolic pressure must be higher than diastolic.</source>
        <translation>収縮期血圧は拡張期血圧より高くしてください。</translation>
    </message>
    <message>
        <source>Enter at least one measurement.</source>
        <translation>少なくとも1項目を入力してください。</translation>
    </message>
    <message>
        <source>A lab result needs its 17-character JLAC10 code.</source>
        <translation>検査結果には17桁のJLAC10コードが必要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a LOINC code.</source>
        <translation>「%1」はLOINCコードではありません。</translation>
    </message>
    <message>
        <source>The test name</source>
        <translation>検査名</translation>
    </message>
    <message>
        <source>The unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>A lab result needs a numeric value.</source>
        <translation>検査結果には数値が必要です。</translation>
    </message>
    <message>
        <source>Reference limits must be numbers.</source>
        <translation>基準値は数値で入力してください。</translation>
    </message>
    <message>
        <source>The lower reference limit is above the upper one.</source>
        <translation>基準値の下限が上限を上回っています。</translation>
    </message>
    <message>
        <source>The substance</source>
        <translation>原因物質</translation>
    </message>
    <message>
        <source>The reaction</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>A substance code needs the URI of its code system.</source>
        <translation>原因物質のコードにはコード体系のURIが必要です。</translation>
    </message>
    <message>
        <source>A code system is given without a code.</source>
        <translation>コードなしでコード体系が指定されています。</translation>
    </message>
    <message>
        <source>The substance code</source>
        <translation>原因物質のコード</translation>
    </message>
    <message>
        <source>The code system</source>
        <translation>コード体系</translation>
    </message>
    <message>
        <source>Describe the reaction whose severity is given.</source>
        <translation>重症度を指定する場合は症状を記載してください。</translation>
    </message>
    <message>
        <source>The drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>The dose</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>The route</source>
        <translation>投与経路</translation>
    </message>
    <message>
        <source>The frequency</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>A YJ code has 12 letters and digits.</source>
        <translation>YJコードは英数字12桁です。</translation>
    </message>
    <message>
        <source>A HOT9 code has 9 digits.</source>
        <translation>HOT9コードは数字9桁です。</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Write at least one of S, O, A or P.</source>
        <translation>S・O・A・Pのいずれかを記載してください。</translation>
    </message>
    <message>
        <source>A SOAP note has no free-text field.</source>
        <translation>SOAP形式の記録には自由記載欄はありません。</translation>
    </message>
    <message>
        <source>A free-text note has no S, O, A or P fields.</source>
        <translation>自由記載の記録にはS・O・A・P欄はありません。</translation>
    </message>
    <message>
        <source>The code &quot;%1&quot; has no system; a code must name its code system.</source>
        <translation>コード「%1」にコード体系がありません。コードにはコード体系の指定が必要です。</translation>
    </message>
    <message>
        <source>A coding has a system but no code.</source>
        <translation>コード体系があるのにコードがありません。</translation>
    </message>
    <message>
        <source>The clinical time (%1) is missing or not a date and time.</source>
        <translation>臨床日時（%1）がないか、日時として正しくありません。</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1は数値で入力してください。</translation>
    </message>
    <message>
        <source>The record is larger than %1 bytes.</source>
        <translation>記録が%1バイトを超えています。</translation>
    </message>
    <message>
        <source>The record is not valid UTF-8 text.</source>
        <translation>記録が正しいUTF-8テキストではありません。</translation>
    </message>
    <message>
        <source>The record is not a FHIR resource (not a JSON object).</source>
        <translation>記録がFHIRリソースではありません（JSONオブジェクトではありません）。</translation>
    </message>
    <message>
        <source>The resource names no patient (Patient/&lt;id&gt;).</source>
        <translation>リソースに患者（Patient/&lt;id&gt;）の指定がありません。</translation>
    </message>
    <message>
        <source>The resource names no author (Practitioner/&lt;id&gt;).</source>
        <translation>リソースに記載者（Practitioner/&lt;id&gt;）の指定がありません。</translation>
    </message>
    <message>
        <source>Not a vital sign this program records.</source>
        <translation>本プログラムが記録するバイタルサインではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a LOINC vital-sign code.</source>
        <translation>「%1」はバイタルサインのLOINCコードではありません。</translation>
    </message>
    <message>
        <source>A lab result needs its JLAC10 code (system %1).</source>
        <translation>検査結果にはJLAC10コード（体系 %1）が必要です。</translation>
    </message>
    <message>
        <source>The interpretation must be H, L or N.</source>
        <translation>判定はH・L・Nのいずれかです。</translation>
    </message>
    <message>
        <source>An Observation here is either vital-signs or laboratory.</source>
        <translation>Observationはバイタルサインか検体検査のいずれかです。</translation>
    </message>
    <message>
        <source>The start date is not a date.</source>
        <translation>開始日が日付として正しくありません。</translation>
    </message>
    <message>
        <source>A note&apos;s document type is LOINC %1 (progress note) or %2 (nursing note).</source>
        <translation>記録の文書種別はLOINC %1（経過記録）または%2（看護記録）です。</translation>
    </message>
    <message>
        <source>A note section&apos;s text is not plain escaped text in an XHTML div.</source>
        <translation>記録のセクションの本文がXHTMLのdiv内の単純なテキストではありません。</translation>
    </message>
    <message>
        <source>The section code %1 is not S, O, A or P.</source>
        <translation>セクションコード%1はS・O・A・Pのいずれでもありません。</translation>
    </message>
    <message>
        <source>The resource has fields or a layout this program does not write; records are written only by WardStation&apos;s record codec.</source>
        <translation>リソースに本プログラムが書き込まない項目や構成があります。記録はWardStationの記録コーデックでのみ作成されます。</translation>
    </message>
    <message>
        <source>The resource is a %1 record but the envelope says %2.</source>
        <translation>リソースは%1の記録ですが、封筒には%2とあります。</translation>
    </message>
    <message>
        <source>The resource names another patient than the envelope.</source>
        <translation>リソースの患者が封筒の患者と異なります。</translation>
    </message>
    <message>
        <source>The resource names another author than the envelope.</source>
        <translation>リソースの記載者が封筒の記載者と異なります。</translation>
    </message>
    <message>
        <source>The resource&apos;s clinical time differs from the envelope&apos;s.</source>
        <translation>リソースの臨床日時が封筒と異なります。</translation>
    </message>
    <message>
        <source>The resource&apos;s status differs from the envelope&apos;s.</source>
        <translation>リソースの状態が封筒と異なります。</translation>
    </message>
    <message>
        <source>The version&apos;s %1 differs from what was signed.</source>
        <translation>この版の%1が署名された内容と異なります。</translation>
    </message>
    <message>
        <source>The alert text</source>
        <translation>注意事項の内容</translation>
    </message>
    <message>
        <source>An alert flag is set by the person responsible; it cannot wait for approval.</source>
        <translation>注意フラグは担当者本人が設定します。承認待ちにはできません。</translation>
    </message>
    <message>
        <source>The resource type &quot;%1&quot; is not a record type (Observation, AllergyIntolerance, MedicationRequest, Composition or Flag).</source>
        <translation>リソース型「%1」は記録の型（Observation、AllergyIntolerance、MedicationRequest、Composition、Flag）ではありません。</translation>
    </message>
    <message>
        <source>The status &quot;%1&quot; is not one this program writes.</source>
        <translation>状態「%1」はこのプログラムが書き込む値ではありません。</translation>
    </message>
    <message>
        <source>A flag&apos;s code is infection-precautions, fall-risk or npo (system %1).</source>
        <translation>フラグのコードは infection-precautions、fall-risk、npo のいずれかです（コード体系 %1）。</translation>
    </message>
</context>
<context>
    <name>ward::RecordDetail</name>
    <message>
        <source>Correct</source>
        <translation>訂正</translation>
    </message>
    <message>
        <source>Reason it was entered in error</source>
        <translation>誤入力の理由</translation>
    </message>
    <message>
        <source>Mark entered in error</source>
        <translation>誤入力にする</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>承認して署名</translation>
    </message>
    <message>
        <source>Select a record</source>
        <translation>記録を選択してください</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>%1 — 版 %2</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>作成者：%1</translation>
    </message>
    <message>
        <source>Entered by proxy: %1</source>
        <translation>代行入力者：%1</translation>
    </message>
    <message>
        <source>Approved by: %1</source>
        <translation>承認者：%1</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>確定日時：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <source>Classification: %1</source>
        <translation>重要性分類：%1</translation>
    </message>
    <message>
        <source>The record could not be read: %1</source>
        <translation>記録を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>承認されませんでした：%1</translation>
    </message>
    <message>
        <source>Not marked: %1</source>
        <translation>誤入力にできませんでした：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Clinical time: %1</source>
        <translation>臨床日時：%1</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>記録（受信）：%1</translation>
    </message>
    <message>
        <source>Time-stamped: %1</source>
        <translation>タイムスタンプ：%1</translation>
    </message>
    <message>
        <source>Time-stamped: not yet</source>
        <translation>タイムスタンプ：未付与</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
</context>
<context>
    <name>ward::RecordEnvelope</name>
    <message>
        <source>This record is in the format used before this version of WardStation; the data must be re-seeded (hub) or the terminal re-enrolled.</source>
        <translation>この記録は以前のWardStationの形式です。データの再投入（ハブ）または端末の再登録が必要です。</translation>
    </message>
    <message>
        <source>The record envelope has no header line.</source>
        <translation>記録の封筒にヘッダー行がありません。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s header is not a JSON object.</source>
        <translation>記録の封筒のヘッダーがJSONオブジェクトではありません。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s header does not have exactly the fields %1.</source>
        <translation>記録の封筒のヘッダーの項目が%1と一致しません。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s field &quot;%1&quot; has the wrong type.</source>
        <translation>記録の封筒の項目「%1」の型が正しくありません。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s status &quot;%1&quot; is unknown.</source>
        <translation>記録の封筒の状態「%1」は不明です。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s clinical time is not a date and time.</source>
        <translation>記録の封筒の臨床日時が日時として正しくありません。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s previous-version hash is malformed.</source>
        <translation>記録の封筒の前版ハッシュが不正です。</translation>
    </message>
    <message>
        <source>The record envelope&apos;s version or classification is out of range.</source>
        <translation>記録の封筒の版または重要度分類が範囲外です。</translation>
    </message>
    <message>
        <source>The record envelope is not in its canonical form.</source>
        <translation>記録の封筒が正規形ではありません。</translation>
    </message>
</context>
<context>
    <name>ward::RecordPresenter</name>
    <message>
        <source>S (subjective)</source>
        <translation>S（主観的情報）</translation>
    </message>
    <message>
        <source>O (objective)</source>
        <translation>O（客観的情報）</translation>
    </message>
    <message>
        <source>A (assessment)</source>
        <translation>A（評価）</translation>
    </message>
    <message>
        <source>P (plan)</source>
        <translation>P（計画）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>体温（°C）</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>脈拍（/min）</translation>
    </message>
    <message>
        <source>BP systolic (mmHg)</source>
        <translation>収縮期血圧（mmHg）</translation>
    </message>
    <message>
        <source>BP diastolic (mmHg)</source>
        <translation>拡張期血圧（mmHg）</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2（%）</translation>
    </message>
    <message>
        <source>Respiratory rate (/min)</source>
        <translation>呼吸数（/min）</translation>
    </message>
    <message>
        <source>Measured at</source>
        <translation>測定日時</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>原因物質</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重症度</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>投与経路</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>誤入力</translation>
    </message>
    <message>
        <source>Entered in error: %1</source>
        <translation>誤入力：%1</translation>
    </message>
    <message>
        <source>BT %1°C</source>
        <translation>BT %1°C</translation>
    </message>
    <message>
        <source>P %1</source>
        <translation>P %1</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>BP %1/%2</translation>
    </message>
    <message>
        <source>SpO2 %1%</source>
        <translation>SpO2 %1%</translation>
    </message>
    <message>
        <source>RR %1</source>
        <translation>RR %1</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>確定済み</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ 有効</translation>
    </message>
    <message>
        <source>✓ no timestamp yet</source>
        <translation>✓ タイムスタンプ未付与</translation>
    </message>
    <message>
        <source>✗ INVALID</source>
        <translation>✗ 不正</translation>
    </message>
    <message>
        <source>✗ not signed</source>
        <translation>✗ 署名なし</translation>
    </message>
    <message>
        <source>Not sent (awaiting approval)</source>
        <translation>未送信（承認待ち）</translation>
    </message>
    <message>
        <source>From hub</source>
        <translation>ハブから受信</translation>
    </message>
    <message>
        <source>Queued for sync</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Sent to hub</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>差分はありません。</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>軽度</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中等度</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Code (JLAC10)</source>
        <translation>コード（JLAC10）</translation>
    </message>
    <message>
        <source>(cannot be read: not a record this program writes)</source>
        <translation>（読めません：このプログラムの記録形式ではありません）</translation>
    </message>
    <message>
        <source>This record cannot be read: its body is not a record this program writes. The terminal must be re-seeded from the hub.</source>
        <translation>この記録は読めません：このプログラムの記録形式ではありません。端末をハブから再同期（再投入）してください。</translation>
    </message>
    <message>
        <source>added: &lt;span class=&apos;added&apos;&gt;%1&lt;/span&gt;</source>
        <translation>追加：&lt;span class=&apos;added&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>removed: &lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt;</source>
        <translation>削除：&lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt; → &lt;span class=&apos;added&apos;&gt;%2&lt;/span&gt;</source>
        <translation>&lt;span class=&apos;removed&apos;&gt;%1&lt;/span&gt; → &lt;span class=&apos;added&apos;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Infection precautions</source>
        <translation>感染対策</translation>
    </message>
    <message>
        <source>Fall risk</source>
        <translation>転倒転落</translation>
    </message>
    <message>
        <source>NPO</source>
        <translation>絶食</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n分前</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min ago</source>
        <translation>%1時間%2分前</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n日前</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 lifted: %2</source>
        <translation>%1 解除：%2</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>lifted</source>
        <translation>解除</translation>
    </message>
</context>
<context>
    <name>ward::RegistrationForm</name>
    <message>
        <source>Next free ID</source>
        <translation>次の空きID</translation>
    </message>
    <message>
        <source>This ID:</source>
        <translation>指定ID：</translation>
    </message>
    <message>
        <source>Chosen staff ID</source>
        <translation>指定する職員ID</translation>
    </message>
    <message>
        <source>10 letters or digits</source>
        <translation>英数字10桁</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Family name and given name, as on the photo ID</source>
        <translation>写真付き身分証明書の通りに姓と名</translation>
    </message>
    <message>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Reading in hiragana or katakana</source>
        <translation>ひらがなまたはカタカナで読み</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Wards</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Identity checked with</source>
        <translation>本人確認書類</translation>
    </message>
    <message>
        <source>Document reference</source>
        <translation>書類の番号</translation>
    </message>
    <message>
        <source>Register and print the letter</source>
        <translation>登録して通知書を印刷</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>（取得できません）</translation>
    </message>
    <message>
        <source>The hub gives the next free ID of the scheme when you register.</source>
        <translation>登録時にハブが採番規則に従って次の空きIDを割り当てます。</translation>
    </message>
    <message>
        <source>Waiting for the hub&apos;s next free ID…</source>
        <translation>ハブから次の空きIDを取得しています…</translation>
    </message>
    <message>
        <source>%1 An ID is exactly 10 letters A-Z or digits, e.g. ST00001234.</source>
        <translation>%1 IDは英字 A-Z と数字でちょうど10桁です（例：ST00001234）。</translation>
    </message>
    <message>
        <source>%1 is already used (IDs are never reused, also after retirement). Choose another or use the next free ID.</source>
        <translation>%1 は既に使われています（退職後も IDは再利用されません）。別の IDにするか、次の空きIDを使ってください。</translation>
    </message>
    <message>
        <source>Checking at the hub whether %1 is free…</source>
        <translation>%1 が空いているかハブで確認しています…</translation>
    </message>
    <message>
        <source>%1 is free.</source>
        <translation>%1 は使用できます。</translation>
    </message>
    <message>
        <source>Enter the name as written on the photo ID.</source>
        <translation>写真付き身分証明書に書かれている通りに氏名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the reading of the name in kana (e.g. かんご はなこ).</source>
        <translation>氏名の読みをかなで入力してください（例：かんご はなこ）。</translation>
    </message>
    <message>
        <source>Use only hiragana or katakana and spaces (no kanji, letters or digits).</source>
        <translation>ひらがな・カタカナと空白だけを使ってください（漢字・英字・数字は不可）。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>役割を1つ以上選んでください。</translation>
    </message>
    <message>
        <source>Enter the number of the document you checked (e.g. the licence number).</source>
        <translation>確認した書類の番号を入力してください（例：免許証番号）。</translation>
    </message>
    <message>
        <source>%1 is registered. The letter with the temporary password is printed: seal it in an envelope and hand it to the person only. Next: issue the IC card.</source>
        <translation>%1 を登録しました。仮パスワードの通知書を印刷しました。封筒に入れて封をし、本人にだけ渡してください。次は ICカードを発行してください。</translation>
    </message>
    <message>
        <source>Pending approval: %1 gets a privileged role, so a second person with the right to manage users must approve the request (request %2). The letter is printed when it is approved.</source>
        <translation>承認待ち：%1 には特権のある役割が付くため、利用者管理の権限を持つ別の担当者の承認が必要です（申請 %2）。通知書は承認時に印刷されます。</translation>
    </message>
</context>
<context>
    <name>ward::RevokeTerminalPage</name>
    <message>
        <source>e.g. &quot;reported stolen&quot;, &quot;disposed of&quot;, &quot;replaced by a new PC&quot;</source>
        <translation>例：「盗難届」「廃棄」「新しいPCに交換」</translation>
    </message>
    <message>
        <source>Revoke the terminal</source>
        <translation>端末を失効</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Revoke terminal &quot;%1&quot; (ward %2)</source>
        <translation>端末「%1」（病棟 %2）を失効</translation>
    </message>
    <message>
        <source>The hub refuses this terminal from its next request: it can no longer log anyone in online, sync records or fetch its vault&apos;s network key, which is never released again. Records it has not sent stay on it. To use the PC again, enrol it anew with a fresh code. This cannot be undone.</source>
        <translation>ハブはこの端末の次の要求から拒否します。オンラインでのログイン、記録の同期、保管庫のネットワーク鍵の取得はできなくなり、ネットワーク鍵が再び渡されることはありません。未送信の記録は端末に残ります。このPCを再び使うには、新しいコードで登録し直してください。この操作は取り消せません。</translation>
    </message>
    <message>
        <source>This is the terminal you are using: your session here loses the hub at once.</source>
        <translation>これは今お使いの端末です。この端末でのセッションはただちにハブに接続できなくなります。</translation>
    </message>
</context>
<context>
    <name>ward::RoleChangePanel</name>
    <message>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Wards</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Privileged ID (stricter password rules, shorter sessions)</source>
        <translation>特権ID（パスワード規則が厳しく、セッションが短くなります）</translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>A role that may manage staff, cards, terminals or the policy, or the privileged flag, is granted only when a second authorised person approves it (segregation of duties): the change then waits under &quot;Waiting for approval&quot;.</source>
        <translation>職員・カード・端末・ポリシーを管理できる役割や特権IDの付与は、権限を持つ別の担当者が承認して初めて反映されます（職務分掌）。それまでは「承認待ち」に表示されます。</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <source>Why this change is made, e.g. &quot;moves to ward W4 from 1 April&quot;</source>
        <translation>変更の理由（例：「4月1日から W4 病棟へ異動」）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Change roles and wards</source>
        <translation>役割・病棟を変更</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Roles and wards of %1 (%2)</source>
        <translation>%1（%2）の役割・病棟</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>%1: %2 (unchanged)</source>
        <translation>%1：%2（変更なし）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Privileged ID</source>
        <translation>特権ID</translation>
    </message>
    <message>
        <source>The roles and wards of %1 are changed. Terminals apply them after their next sync.</source>
        <translation>%1 の役割・病棟を変更しました。各端末には次回の同期後に反映されます。</translation>
    </message>
    <message>
        <source>Pending approval by a second person: the change for %1 grants a privileged role or the privileged flag, so another person with the right to manage users must approve it under &quot;Waiting for approval&quot;. Nothing changes until then.</source>
        <translation>別の担当者の承認待ちです：%1 への変更は特権のある役割または特権IDを付与するため、利用者管理の権限を持つ別の担当者が「承認待ち」で承認する必要があります。承認されるまで何も変更されません。</translation>
    </message>
    <message>
        <source>Nothing would change yet: tick or untick a role, a ward or the privileged flag.</source>
        <translation>まだ何も変わりません。役割・病棟・特権IDのチェックを付けるか外してください。</translation>
    </message>
    <message>
        <source>Keep at least one role. To end all access, disable or retire the ID instead.</source>
        <translation>役割を1つ以上残してください。すべての利用を止める場合は、IDの利用停止または退職処理を行ってください。</translation>
    </message>
    <message>
        <source>Write why, in a few words (required, at most %1 characters).</source>
        <translation>理由を簡潔に書いてください（必須、%1 文字以内）。</translation>
    </message>
    <message>
        <source>Recorded in the hub&apos;s audit with your name and this terminal.</source>
        <translation>あなたの氏名とこの端末とともにハブの監査記録に残ります。</translation>
    </message>
</context>
<context>
    <name>ward::SessionShell</name>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Insert your staff card to log in.</source>
        <translation>ログインするには職員カードを挿してください。</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>画面をロック（Ctrl+L）</translation>
    </message>
    <message numerus="yes">
        <source>The screen locks in %n second(s). Move the mouse or press a key to keep working.</source>
        <translation>
            <numerusform>あと %n 秒で画面がロックされます。作業を続けるにはマウスを動かすか、キーを押してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert your staff card, then enter your password.</source>
        <translation>職員カードを挿してから、パスワードを入力してください。</translation>
    </message>
    <message>
        <source>This card is not registered for this terminal. Use your staff card.</source>
        <translation>このカードはこの端末に登録されていません。職員カードを使ってください。</translation>
    </message>
    <message>
        <source>The card was removed. Insert your card and enter your password again.</source>
        <translation>カードが抜かれました。カードを挿し、パスワードを再度入力してください。</translation>
    </message>
    <message>
        <source>The card and password do not match. Check your password and try again.</source>
        <translation>カードとパスワードが一致しません。パスワードを確認して再度お試しください。</translation>
    </message>
    <message>
        <source>The password cannot be checked on this terminal. Call IT.</source>
        <translation>この端末ではパスワードを確認できません。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>Your password must be changed first. Log in at the login screen of a free terminal to change it.</source>
        <translation>先にパスワードの変更が必要です。空いている端末のログイン画面からログインして変更してください。</translation>
    </message>
    <message>
        <source>You have not used this terminal before and the hub cannot be reached. Use a terminal you have used before, or try again when the network is back.</source>
        <translation>この端末を使ったことがなく、ハブにも接続できません。以前使った端末を使うか、ネットワークの回復後にもう一度お試しください。</translation>
    </message>
    <message>
        <source>The password could not be checked. Call IT.</source>
        <translation>パスワードを確認できませんでした。IT担当者に連絡してください。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>Last login…</source>
        <translation>前回ログイン…</translation>
    </message>
    <message>
        <source>EMERGENCY ACCOUNT in use by %1. IT and the auditors have been told; every action is recorded and reviewed. This session ends at %2.</source>
        <translation>非常用アカウント使用中：%1。情報システム担当と監査担当に通知済みです。すべての操作は記録され、確認されます。このセッションは %2 に終了します。</translation>
    </message>
    <message>
        <source>EMERGENCY ACCOUNT in use by %1, offline. IT and the auditors are told as soon as the hub is reachable; every action is recorded and reviewed. This session ends at %2.</source>
        <translation>非常用アカウント使用中（オフライン）：%1。ハブに接続でき次第、情報システム担当と監査担当に通知されます。すべての操作は記録され、確認されます。このセッションは %2 に終了します。</translation>
    </message>
</context>
<context>
    <name>ward::SignatureStatus</name>
    <message>
        <source>Signature valid</source>
        <translation>署名有効</translation>
    </message>
    <message>
        <source>Signature valid, not yet timestamped</source>
        <translation>署名有効（タイムスタンプ未付与）</translation>
    </message>
    <message>
        <source>Signature INVALID</source>
        <translation>署名不正</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>署名なし</translation>
    </message>
</context>
<context>
    <name>ward::SignatureVerifier</name>
    <message>
        <source>This version carries no signature.</source>
        <translation>この版には署名がありません。</translation>
    </message>
    <message>
        <source>The signature does not match this record (%1). The record may have been altered.</source>
        <translation>署名がこの記録と一致しません（%1）。記録が改ざんされている可能性があります。</translation>
    </message>
    <message>
        <source>Signed by %1, but this version names %2 as its signer.</source>
        <translation>%1 が署名していますが、この版の署名者は %2 となっています。</translation>
    </message>
    <message>
        <source>The timestamp token does not verify: %1</source>
        <translation>タイムスタンプトークンを検証できません：%1</translation>
    </message>
    <message>
        <source>The record does not match what was signed (%1 differs).</source>
        <translation>記録が署名された内容と一致しません（%1 が異なります）。</translation>
    </message>
</context>
<context>
    <name>ward::SignedPolicy</name>
    <message>
        <source>Policy version %1 is not signed by the hub.</source>
        <translation>ポリシー 第%1版 にはハブの署名がありません。</translation>
    </message>
    <message>
        <source>The signature of policy version %1 does not verify against this terminal&apos;s hub: %2</source>
        <translation>ポリシー 第%1版 の署名を、この端末のハブで検証できません：%2</translation>
    </message>
    <message>
        <source>Policy version %1 is signed by %2, not by the hub&apos;s policy certificate.</source>
        <translation>ポリシー 第%1版 の署名者は %2 で、ハブのポリシー証明書ではありません。</translation>
    </message>
    <message>
        <source>Policy version %1 breaks the policy rules (%2: %3).</source>
        <translation>ポリシー 第%1版 はポリシーの規則に違反しています（%2：%3）。</translation>
    </message>
    <message>
        <source>Policy version %1 is not newer than version %2 in force.</source>
        <translation>ポリシー 第%1版 は、適用中の 第%2版 より新しくありません。</translation>
    </message>
</context>
<context>
    <name>ward::SigningIdentity</name>
    <message>
        <source>The stored signing key of %1 is damaged. Ask IT to reissue the signing certificate.</source>
        <translation>%1 の保存済み署名鍵が破損しています。IT担当者に署名用証明書の再発行を依頼してください。</translation>
    </message>
    <message>
        <source>The signing key does not open with this password.</source>
        <translation>このパスワードでは署名鍵を開けません。</translation>
    </message>
    <message>
        <source>The stored signing key of %1 does not match its certificate. Ask IT to reissue it.</source>
        <translation>%1 の保存済み署名鍵が証明書と一致しません。IT担当者に再発行を依頼してください。</translation>
    </message>
    <message>
        <source>The staff CA did not issue a signing certificate: %1</source>
        <translation>職員CAが署名用証明書を発行しませんでした：%1</translation>
    </message>
    <message>
        <source>The record could not be signed: %1</source>
        <translation>記録に署名できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>ward::StaffChangePanel</name>
    <message>
        <source>Why this change is made, e.g. &quot;on leave until 1 April&quot;</source>
        <translation>変更の理由（例：「4月1日まで休職」）</translation>
    </message>
    <message>
        <source>Identity checked with</source>
        <translation>本人確認書類</translation>
    </message>
    <message>
        <source>Document reference</source>
        <translation>書類の番号</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 を利用停止</translation>
    </message>
    <message>
        <source>Every terminal refuses this person&apos;s card and password after its next sync, and their signing certificates are revoked. The account, its history and its cards stay; it can be enabled again.</source>
        <translation>各端末は次の同期以降、この職員のカードとパスワードを拒否し、署名用証明書は失効します。アカウント・履歴・カードは残り、後で利用再開できます。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>利用停止</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 を利用再開</translation>
    </message>
    <message>
        <source>The person can log in again with their card and password (a new signing key is made at their next login).</source>
        <translation>この職員はカードとパスワードで再びログインできます（次回ログイン時に新しい署名鍵が作られます）。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>利用再開</translation>
    </message>
    <message>
        <source>Retire %1 (final)</source>
        <translation>%1 を退職処理（取り消し不可）</translation>
    </message>
    <message>
        <source>Final: the ID is closed for good and never reused; login is refused everywhere, signing certificates are revoked, and the ID cannot be enabled again. Collect the IC card.</source>
        <translation>取り消しできません。IDは永久に閉じられ、再利用されません。すべての端末でログインが拒否され、署名用証明書は失効し、利用再開もできません。ICカードを回収してください。</translation>
    </message>
    <message>
        <source>Retire for good</source>
        <translation>退職処理する</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>%1 のロックを解除</translation>
    </message>
    <message>
        <source>The lockout after failed passwords ends and the failure count starts again. The password stays the same; reset it too if the person has forgotten it.</source>
        <translation>パスワード誤りによるロックを解除し、失敗回数を0に戻します。パスワードは変わりません。本人が忘れている場合は再発行もしてください。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>%1 のパスワードを再発行</translation>
    </message>
    <message>
        <source>The current password stops working now. A new temporary password is printed as a sealed letter at this desk (it is never shown on screen); the person must choose their own at the first login. Signing certificates are revoked.</source>
        <translation>現在のパスワードはただちに使えなくなります。新しい仮パスワードはこの受付で封書の通知書として印刷され（画面には表示されません）、本人は初回ログインで自分のパスワードを決めます。署名用証明書は失効します。</translation>
    </message>
    <message>
        <source>Reset and print the letter</source>
        <translation>再発行して通知書を印刷</translation>
    </message>
    <message>
        <source>Enter the number of the document you checked (e.g. the licence number), so the check can be traced.</source>
        <translation>確認した書類の番号を入力してください（例：免許証番号）。確認の記録として残ります。</translation>
    </message>
</context>
<context>
    <name>ward::StaffFinder</name>
    <message>
        <source>Find staff</source>
        <translation>職員検索</translation>
    </message>
    <message>
        <source>Staff ID, name or kana</source>
        <translation>職員ID・氏名・ふりがな</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>利用中</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>利用停止中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退職</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Staff found</source>
        <translation>検索結果の職員</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>職員ID</translation>
    </message>
    <message>
        <source>Name (kana)</source>
        <translation>氏名（ふりがな）</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Wards</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>IC card</source>
        <translation>ICカード</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最終ログイン</translation>
    </message>
    <message>
        <source>Password age</source>
        <translation>パスワード経過日数</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>利用停止…</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>利用再開…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>退職処理…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>パスワード再発行…</translation>
    </message>
    <message>
        <source>%1 people match; the first %2 are listed. Type more of the name or ID.</source>
        <translation>%1 人が該当します。最初の %2 人を表示しています。氏名や IDをもう少し入力してください。</translation>
    </message>
    <message>
        <source>%1, locked</source>
        <translation>%1・ロック中</translation>
    </message>
    <message>
        <source>%1, temporary password</source>
        <translation>%1・仮パスワード</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>発行済み</translation>
    </message>
    <message>
        <source>Revoked, none active</source>
        <translation>失効（有効なカードなし）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>(privileged)</source>
        <translation>（特権）</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>at terminal %1</source>
        <translation>端末 %1</translation>
    </message>
    <message>
        <source>No password yet</source>
        <translation>パスワード未設定</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 を利用停止にしました。</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 の利用を再開しました。</translation>
    </message>
    <message>
        <source>%1 is retired.</source>
        <translation>%1 を退職処理しました。</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 のロックを解除しました。</translation>
    </message>
    <message>
        <source>The password of %1 is reset. The letter is printed: seal it in an envelope and hand it to the person only.</source>
        <translation>%1 のパスワードを再発行しました。通知書を印刷しました。封筒に入れて封をし、本人にだけ渡してください。</translation>
    </message>
    <message>
        <source>Roles and wards…</source>
        <translation>役割・病棟…</translation>
    </message>
</context>
<context>
    <name>ward::StatusStrip</name>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>自動ロック</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時計</translation>
    </message>
    <message>
        <source>Hub: not configured (offline only)</source>
        <translation>ハブ：未設定（オフラインのみ）</translation>
    </message>
    <message>
        <source>M/d (ddd) HH:mm</source>
        <translation>M/d (ddd) HH:mm</translation>
    </message>
    <message>
        <source>Hub: online</source>
        <translation>ハブ：オンライン</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>ハブ：オフライン</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>最終同期 %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <source>clock differs from the hub by %1 s: call IT</source>
        <translation>時計がハブと %1 秒ずれています：IT担当者に連絡してください</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>送信待ち %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-lock in %1:%2</source>
        <translation>自動ロックまで %1:%2</translation>
    </message>
    <message>
        <source>hub storage full: data kept here, call IT</source>
        <translation>ハブの容量不足：データは端末に保持、IT担当者へ連絡</translation>
    </message>
</context>
<context>
    <name>ward::TemperatureSheet</name>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2（%）</translation>
    </message>
    <message>
        <source>Resp. (/min)</source>
        <translation>呼吸数（/分）</translation>
    </message>
    <message>
        <source>Night 0–8</source>
        <translation>深夜 0–8時</translation>
    </message>
    <message>
        <source>Day 8–16</source>
        <translation>日勤 8–16時</translation>
    </message>
    <message>
        <source>Evening 16–24</source>
        <translation>準夜 16–24時</translation>
    </message>
    <message>
        <source>No vital signs recorded</source>
        <translation>バイタルサインの記録はありません</translation>
    </message>
    <message>
        <source>BT %1°C</source>
        <translation>BT %1°C</translation>
    </message>
    <message>
        <source>P %1</source>
        <translation>P %1</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>BP %1/%2</translation>
    </message>
    <message>
        <source>SpO2 %1%</source>
        <translation>SpO2 %1%</translation>
    </message>
    <message>
        <source>RR %1</source>
        <translation>RR %1</translation>
    </message>
</context>
<context>
    <name>ward::Terminal</name>
    <message>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>End the session; drafts are kept for your next login</source>
        <translation>セッションを終了します。下書きは次回ログイン時まで保存されます</translation>
    </message>
    <message>
        <source>Preparing your signing key…</source>
        <translation>署名鍵を準備しています…</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Tell IT or your ward manager now.</source>
        <translation>すぐに情報システム担当または師長に連絡してください。</translation>
    </message>
    <message>
        <source>Tell IT now: %1</source>
        <translation>すぐに情報システム担当へ連絡してください：%1</translation>
    </message>
    <message>
        <source>The hub cannot be reached: the report is kept on this terminal and sent when it is back. %1</source>
        <translation>ハブに接続できません。報告はこの端末に保存し、接続が戻りしだい送信します。%1</translation>
    </message>
    <message>
        <source>Report received by the hub and recorded for IT. Change your password soon.</source>
        <translation>報告はハブで受け付け、情報システム担当向けに記録されました。早めにパスワードを変更してください。</translation>
    </message>
    <message>
        <source>The report could not be delivered yet (%1); it is sent again after the next sync. %2</source>
        <translation>報告をまだ届けられません（%1）。次の同期のあとにもう一度送信します。%2</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>受付</translation>
    </message>
    <message>
        <source>The reception desk was idle too long (privileged session). Unlock with your card and password to continue.</source>
        <translation>受付業務の操作が一定時間なかったため、画面をロックしました（特権セッション）。続けるにはカードとパスワードでロックを解除してください。</translation>
    </message>
    <message>
        <source>IT</source>
        <translation>情報システム</translation>
    </message>
    <message>
        <source>The IT console was idle too long (privileged session). Unlock with your card and password to continue.</source>
        <translation>情報システム画面の操作が一定時間なかったため、画面をロックしました（特権セッション）。続けるにはカードとパスワードでロックを解除してください。</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>端末診断</translation>
    </message>
    <message>
        <source>Wiping the terminal…</source>
        <translation>端末を消去しています…</translation>
    </message>
    <message>
        <source>The terminal was wiped and its disposal record reached the hub.</source>
        <translation>端末を消去し、廃棄記録をハブに送信しました。</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>監査</translation>
    </message>
    <message>
        <source>The auditor&apos;s workspace was idle too long (privileged session). Unlock with your card and password to continue.</source>
        <translation>監査画面の操作がない時間が長すぎました（特権セッション）。続けるにはカードとパスワードでロックを解除してください。</translation>
    </message>
</context>
<context>
    <name>ward::TerminalDiagnostics</name>
    <message>
        <source>%1 is not installed</source>
        <translation>%1 はインストールされていません</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 が応答しません</translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation>%1 が応答しません（%2）</translation>
    </message>
    <message>
        <source>Local time source</source>
        <translation>時刻同期（この端末）</translation>
    </message>
    <message>
        <source>chrony: reference %1, system time %2</source>
        <translation>chrony: 参照先 %1、システム時刻 %2</translation>
    </message>
    <message>
        <source>timedatectl: synchronised with NTP</source>
        <translation>timedatectl: NTP と同期済み</translation>
    </message>
    <message>
        <source>timedatectl: not synchronised with NTP</source>
        <translation>timedatectl: NTP と同期していません</translation>
    </message>
    <message>
        <source>Not available: %1; %2</source>
        <translation>取得できません: %1、%2</translation>
    </message>
    <message>
        <source>None (the terminal is not enrolled)</source>
        <translation>なし（端末が登録されていません）</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>%1 に期限切れ</translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 まで有効（残り %n 日）</numerusform>
        </translation>
    </message>
    <message>
        <source>Vault integrity (PRAGMA integrity_check)</source>
        <translation>保管庫の整合性（PRAGMA integrity_check）</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>監査ログの連鎖</translation>
    </message>
    <message>
        <source>Unsent records</source>
        <translation>未送信の記録</translation>
    </message>
    <message>
        <source>Unsent audit entries</source>
        <translation>未送信の監査ログ</translation>
    </message>
    <message>
        <source>Vault schema version</source>
        <translation>保管庫スキーマのバージョン</translation>
    </message>
    <message>
        <source>Not checked: the vault is opened by a login</source>
        <translation>未確認: 保管庫はログインで開かれます</translation>
    </message>
    <message>
        <source>Not checked: there is no vault on this terminal</source>
        <translation>未確認: この端末に保管庫がありません</translation>
    </message>
    <message>
        <source>The vault does not open: %1</source>
        <translation>保管庫を開けません: %1</translation>
    </message>
    <message>
        <source>ok (%1 ms)</source>
        <translation>正常（%1 ミリ秒）</translation>
    </message>
    <message numerus="yes">
        <source>Intact (%n entries)</source>
        <translation>
            <numerusform>正常（%n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry %1: %2</source>
        <translation>%1 番目で連鎖が途切れています: %2</translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation>%1（このプログラム: %2）</translation>
    </message>
    <message>
        <source>card inserted in %1</source>
        <translation>%1 にカード挿入</translation>
    </message>
    <message>
        <source>card removed from %1</source>
        <translation>%1 からカード抜去</translation>
    </message>
    <message>
        <source>card service lost</source>
        <translation>カードサービス停止</translation>
    </message>
    <message>
        <source>card service available</source>
        <translation>カードサービス再開</translation>
    </message>
    <message>
        <source>Card service (pcscd)</source>
        <translation>カードサービス（pcscd）</translation>
    </message>
    <message>
        <source>Running and answering</source>
        <translation>動作中・応答あり</translation>
    </message>
    <message>
        <source>pcscd is running but does not answer the terminal</source>
        <translation>pcscd は動作していますが、端末に応答しません</translation>
    </message>
    <message>
        <source>pcscd is not running</source>
        <translation>pcscd が動作していません</translation>
    </message>
    <message>
        <source>Card readers</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <source>None connected</source>
        <translation>接続されていません</translation>
    </message>
    <message>
        <source>Last card event</source>
        <translation>最後のカード操作</translation>
    </message>
    <message>
        <source>None since the terminal started</source>
        <translation>端末の起動後はありません</translation>
    </message>
    <message>
        <source>%1 at %2 UTC</source>
        <translation>%1（%2 UTC）</translation>
    </message>
    <message>
        <source>Terminal certificate</source>
        <translation>端末証明書</translation>
    </message>
    <message>
        <source>Hub CA certificate</source>
        <translation>ハブの CA 証明書</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>ディスク空き容量</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%2 中 %1 空き</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>プログラムのバージョン</translation>
    </message>
    <message>
        <source>Hub reachability</source>
        <translation>ハブへの接続</translation>
    </message>
    <message>
        <source>Clock skew against the hub</source>
        <translation>ハブとの時刻のずれ</translation>
    </message>
    <message>
        <source>No hub configured</source>
        <translation>ハブが設定されていません</translation>
    </message>
    <message>
        <source>Not available without a hub</source>
        <translation>ハブがないため取得できません</translation>
    </message>
    <message>
        <source>%1 not reachable: %2</source>
        <translation>%1 に接続できません: %2</translation>
    </message>
    <message>
        <source>Not measured (the hub did not answer)</source>
        <translation>未測定（ハブが応答しません）</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation>%1 が %2 ミリ秒で応答</translation>
    </message>
    <message>
        <source>%1 s (%2; warning above %3 s)</source>
        <translation>%1 秒（%2。%3 秒を超えると警告）</translation>
    </message>
    <message>
        <source>this terminal is behind the hub</source>
        <translation>この端末がハブより遅れています</translation>
    </message>
    <message>
        <source>this terminal is ahead of the hub</source>
        <translation>この端末がハブより進んでいます</translation>
    </message>
    <message>
        <source>The hub&apos;s answer carried no time</source>
        <translation>ハブの応答に時刻がありません</translation>
    </message>
    <message>
        <source>in step with the hub</source>
        <translation>ハブと一致</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>No hub CA to verify it against</source>
        <translation>検証に使うハブの CA 証明書がありません</translation>
    </message>
    <message>
        <source>Entry %1 is not in this vault</source>
        <translation>%1 番の監査ログがこの保管庫にありません</translation>
    </message>
    <message>
        <source>Up to entry %1, signed by the hub on %2</source>
        <translation>%1 番まで受領済み（ハブの署名 %2）</translation>
    </message>
    <message>
        <source>Audit chain acknowledged by the hub</source>
        <translation>ハブによる監査ログの受領確認</translation>
    </message>
</context>
<context>
    <name>ward::TerminalDisposal</name>
    <message numerus="yes">
        <source>The wipe was refused: %n record(s) and %1 audit entries have not reached the hub and would be lost. Connect the terminal to the hub and try again, or confirm the loss with a reason.</source>
        <translation>
            <numerusform>消去できません: 記録 %n 件と監査ログ %1 件がハブに届いておらず、失われます。端末をハブに接続してやり直すか、理由を記入して損失を承認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The wipe could not finish destroying the local data: %1</source>
        <translation>端末内のデータの破棄を完了できませんでした: %1</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 を削除できませんでした。</translation>
    </message>
    <message>
        <source>The disposal record has not reached the hub yet; it is sent when the terminal next starts with the hub reachable.</source>
        <translation>廃棄記録はまだハブに届いていません。次にハブに接続できる状態で端末を起動したときに送信します。</translation>
    </message>
    <message>
        <source>The disposal record has not reached the hub yet (%1); it is sent again when the terminal next starts.</source>
        <translation>廃棄記録はまだハブに届いていません（%1）。次に端末を起動したときに再送します。</translation>
    </message>
    <message>
        <source>The terminal&apos;s enrolment could not be deleted from %1.</source>
        <translation>%1 から端末の登録情報を削除できませんでした。</translation>
    </message>
</context>
<context>
    <name>ward::TerminalWipe</name>
    <message>
        <source>this terminal has no hub connection</source>
        <translation>この端末はハブに接続されていません</translation>
    </message>
    <message>
        <source>no signing key is stored for this user on this terminal</source>
        <translation>この端末にはこの利用者の署名鍵が保存されていません</translation>
    </message>
    <message>
        <source>Your password cannot be checked on this terminal (%1). Nothing was wiped.</source>
        <translation>この端末ではパスワードを確認できません（%1）。消去は行っていません。</translation>
    </message>
    <message>
        <source>Your password cannot be checked: %1. Nothing was wiped.</source>
        <translation>パスワードを確認できません: %1。消去は行っていません。</translation>
    </message>
    <message>
        <source>The password is not correct. Nothing was wiped. Wrong passwords count toward locking your account, as at login.</source>
        <translation>パスワードが正しくありません。消去は行っていません。ログイン時と同じく、誤ったパスワードはアカウントのロックまでの回数に数えられます。</translation>
    </message>
    <message>
        <source>Your account is locked after too many wrong passwords. Nothing was wiped. Another administrator must unlock the account before anyone can wipe with it.</source>
        <translation>パスワードの誤りが続いたため、アカウントがロックされました。消去は行っていません。このアカウントで消去するには、別の管理者がロックを解除する必要があります。</translation>
    </message>
    <message>
        <source>The hub did not confirm your password (%1). Nothing was wiped.</source>
        <translation>ハブでパスワードを確認できませんでした（%1）。消去は行っていません。</translation>
    </message>
    <message>
        <source>%1 Nothing was wiped.</source>
        <translation>%1 消去は行っていません。</translation>
    </message>
</context>
<context>
    <name>ward::TerminalsPanel</name>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Enrolment code…</source>
        <translation>登録コード…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>失効…</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>端末名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最終通信</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最終同期</translation>
    </message>
    <message>
        <source>Clock vs hub</source>
        <translation>時計（ハブ比）</translation>
    </message>
    <message>
        <source>Audit head acknowledged</source>
        <translation>監査チェーン受領</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>端末一覧</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>報告なし</translation>
    </message>
    <message>
        <source>in step</source>
        <translation>ずれなし</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ahead</source>
        <translation>%1 進み</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>%1 遅れ</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>失効</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登録済み</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>この端末</translation>
    </message>
    <message>
        <source>Revoked %1 by %2: %3</source>
        <translation>%1 に %2 が失効：%3</translation>
    </message>
    <message>
        <source>the hub console</source>
        <translation>ハブのコンソール</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>理由の記録なし</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>%1 件目まで</translation>
    </message>
    <message>
        <source>Terminal &quot;%1&quot; is revoked: the hub refuses its next request.</source>
        <translation>端末「%1」を失効しました。ハブはこの端末の次の要求から拒否します。</translation>
    </message>
    <message>
        <source>Disposal records…</source>
        <translation>廃棄記録…</translation>
    </message>
    <message>
        <source>Wipes reported to the hub: of the selected terminal, or of every terminal when none is selected.</source>
        <translation>ハブに報告されたデータ消去の記録です。選択した端末の記録を、未選択なら全端末の記録を表示します。</translation>
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
<context>
    <name>ward::VersionHistory</name>
    <message>
        <source>Compare version</source>
        <translation>比較元の版</translation>
    </message>
    <message>
        <source>with</source>
        <translation>比較先の版</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>版の履歴</translation>
    </message>
    <message>
        <source>v%1 · %2 · %3 · %4</source>
        <translation>版 %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Only one version.</source>
        <translation>版は1つだけです。</translation>
    </message>
</context>
<context>
    <name>ward::VitalSignsChart</name>
    <message>
        <source>Temperature (°C)</source>
        <translation>体温（°C）</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>脈拍（/分）</translation>
    </message>
    <message>
        <source>Blood pressure (mmHg)</source>
        <translation>血圧（mmHg）</translation>
    </message>
    <message>
        <source>◀ Previous day</source>
        <translation>◀ 前日</translation>
    </message>
    <message>
        <source>Next day ▶</source>
        <translation>翌日 ▶</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ward::VitalsEntry</name>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1は数値で入力してください。</translation>
    </message>
</context>
<context>
    <name>ward::WardView</name>
    <message>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>ベッド</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Age / sex</source>
        <translation>年齢 / 性別</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>Ward census: %1</source>
        <translation>病棟患者一覧：%1</translation>
    </message>
    <message numerus="yes">
        <source>Search results: %n patient(s)</source>
        <translation>
            <numerusform>検索結果：%n 名</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 y / %2</source>
        <translation>%1歳 / %2</translation>
    </message>
    <message>
        <source>Ward census</source>
        <translation>病棟患者一覧</translation>
    </message>
    <message>
        <source>%1
%2 (%3)</source>
        <translation>%1
%2（%3）</translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation>最新バイタル</translation>
    </message>
    <message>
        <source>Last nursing note</source>
        <translation>最終看護記録</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Bed %1</source>
        <translation>ベッド %1</translation>
    </message>
    <message>
        <source>%1（%2）
%3</source>
        <translation>%1（%2）
%3</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>注意事項なし</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>ward::WipeDialog</name>
    <message>
        <source>Wipe this terminal</source>
        <translation>この端末の消去</translation>
    </message>
    <message>
        <source>Wiping destroys this terminal&apos;s encrypted vault and key slots, writes a disposal record and sends it to the hub. The terminal is then no longer enrolled.</source>
        <translation>消去すると、この端末の暗号化された保管庫と鍵スロットを破棄し、廃棄記録を作成してハブに送信します。その後、端末は未登録の状態になります。</translation>
    </message>
    <message>
        <source>Sending unsent records and audit entries to the hub…</source>
        <translation>未送信の記録と監査ログをハブに送信しています…</translation>
    </message>
    <message>
        <source>I confirm that what has not reached the hub is lost with the wipe</source>
        <translation>ハブに届いていないデータが消去により失われることを承認します</translation>
    </message>
    <message>
        <source>Reason for the wipe, kept in the disposal record (required when unsent data is lost)</source>
        <translation>消去の理由（廃棄記録に残ります。未送信データが失われる場合は必須）</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>あなたのパスワード:</translation>
    </message>
    <message>
        <source>Wipe the terminal</source>
        <translation>端末を消去</translation>
    </message>
    <message>
        <source>Everything this terminal held for the hub has been sent.</source>
        <translation>ハブに送るべきデータはすべて送信しました。</translation>
    </message>
    <message>
        <source>Not everything could be sent to the hub.</source>
        <translation>一部のデータをハブに送信できませんでした。</translation>
    </message>
    <message>
        <source>Not everything could be sent to the hub: %1</source>
        <translation>一部のデータをハブに送信できませんでした: %1</translation>
    </message>
    <message>
        <source>Checking your password…</source>
        <translation>パスワードを確認しています…</translation>
    </message>
</context>
</TS>
