<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Model:&lt;/b&gt; {name} — {classes} characters, {mb} MB, format {format}&lt;br&gt;{path}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;モデル:&lt;/b&gt; {name} — {classes} 文字、{mb} MB、形式 {format}&lt;br&gt;{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Model:&lt;/b&gt; none loaded&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;モデル:&lt;/b&gt; 読み込まれていません&lt;/p&gt;</translation>
    </message>
    <message>
        <source>resources/NOTICE is missing from this installation.</source>
        <translation>このインストールには resources/NOTICE がありません。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Error log:&lt;/b&gt; {folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;エラーログ:&lt;/b&gt; {folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Recognition data: KanjiVG stroke data © Ulrich Apel, CC BY-SA 3.0. Readings and meanings: KANJIDIC2 © the Electronic Dictionary Research and Development Group, CC BY-SA 4.0. Words for reading rows: EDICT © the same group, CC BY-SA 4.0. The model is trained on synthetic handwriting derived from KanjiVG and is shared under CC BY-SA 3.0 likewise.&lt;/p&gt;</source>
        <translation>&lt;p&gt;認識データ: KanjiVG の筆順データ © Ulrich Apel、CC BY-SA 3.0。読みと意味: KANJIDIC2 © Electronic Dictionary Research and Development Group、CC BY-SA 4.0。複数文字の読み取りに使う単語: EDICT © 同グループ、CC BY-SA 4.0。モデルは KanjiVG から合成した手書きデータで学習しており、同じく CC BY-SA 3.0 で公開しています。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About KanjiPad</source>
        <translation>KanjiPad について</translation>
    </message>
    <message>
        <source>About text</source>
        <translation>KanjiPad についての説明</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Undo</source>
        <extracomment>the window&apos;s attribute is ``&lt;id&gt;_action`` in the menu shortcuts, the first shown in the tooltip the window&apos;s method (a dotted path reaches a part of the window) the status tip, F1&apos;s description and the tooltip (capitalised, with the key) a checkable action&apos;s handler gets the new state the object name, when not made from the text</extracomment>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>undo the last stroke, clear, pick or edit</source>
        <translation>直前の画・消去・選択・編集を元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>redo what was undone</source>
        <translation>元に戻した操作をやり直す</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>clear the canvas (undoable)</source>
        <translation>キャンバスを消去（元に戻せます）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>delete the last stroke, or the last composed character</source>
        <translation>最後の画、または入力行の最後の文字を削除</translation>
    </message>
    <message>
        <source>Accept first</source>
        <translation>第1候補を確定</translation>
    </message>
    <message>
        <source>pick the first candidate</source>
        <translation>第1候補を選ぶ</translation>
    </message>
    <message>
        <source>More candidates</source>
        <translation>次の候補</translation>
    </message>
    <message>
        <source>show the next ten candidates</source>
        <translation>次の10候補を表示</translation>
    </message>
    <message>
        <source>Previous candidates</source>
        <translation>前の候補</translation>
    </message>
    <message>
        <source>show the previous ten candidates</source>
        <translation>前の10候補を表示</translation>
    </message>
    <message>
        <source>Next character</source>
        <translation>次の文字</translation>
    </message>
    <message>
        <source>choose the next character of the first string</source>
        <translation>第1候補の文字列で次の文字を選ぶ</translation>
    </message>
    <message>
        <source>Previous character</source>
        <translation>前の文字</translation>
    </message>
    <message>
        <source>choose the previous character of the first string</source>
        <translation>第1候補の文字列で前の文字を選ぶ</translation>
    </message>
    <message>
        <source>Change character</source>
        <translation>文字を切り替え</translation>
    </message>
    <message>
        <source>change the chosen character to its next alternative</source>
        <translation>選んだ文字を次の別候補に切り替える</translation>
    </message>
    <message>
        <source>Change character back</source>
        <translation>文字を前に戻す</translation>
    </message>
    <message>
        <source>change the chosen character to its previous alternative</source>
        <translation>選んだ文字を前の別候補に切り替える</translation>
    </message>
    <message>
        <source>Copy line</source>
        <translation>入力行をコピー</translation>
    </message>
    <message>
        <source>copy the compose line</source>
        <translation>入力行をコピー</translation>
    </message>
    <message>
        <source>Clear line</source>
        <translation>入力行を消去</translation>
    </message>
    <message>
        <source>clear the compose line (undoable)</source>
        <translation>入力行を消去（元に戻せます）</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>コンパクト表示</translation>
    </message>
    <message>
        <source>compact window to sit beside an editor</source>
        <translation>エディタの横に置ける小さなウィンドウにする</translation>
    </message>
    <message>
        <source>Always on top</source>
        <translation>常に手前に表示</translation>
    </message>
    <message>
        <source>keep the pad above other windows</source>
        <translation>パッドを他のウィンドウより手前に表示</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>辞書で調べる</translation>
    </message>
    <message>
        <source>look up the selected character or word in the look-up panel</source>
        <translation>選んだ文字や単語を辞書パネルで調べる</translation>
    </message>
    <message>
        <source>Look-up panel</source>
        <translation>辞書パネル</translation>
    </message>
    <message>
        <source>show or hide the look-up panel</source>
        <translation>辞書パネルの表示／非表示</translation>
    </message>
    <message>
        <source>Teach a character…</source>
        <translation>文字を教える…</translation>
    </message>
    <message>
        <source>teach the pad a character (write it three times)</source>
        <translation>パッドに文字を教える（3回書きます）</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>this list of shortcuts</source>
        <translation>このショートカット一覧</translation>
    </message>
    <message>
        <source>About</source>
        <translation>KanjiPad について</translation>
    </message>
    <message>
        <source>about KanjiPad, its data and licences</source>
        <translation>KanjiPad とそのデータ・ライセンスについて</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>{what} ({key})</source>
        <translation>{what}（{key}）</translation>
    </message>
</context>
<context>
    <name>Candidates</name>
    <message>
        <source>{char}  ({n} strokes)</source>
        <extracomment>Narrowest a button may get with readings shown; below this the bar takes two rows. Between the buttons (a pixel less in compact mode). The character&apos;s height below which the meaning keeps to one line.</extracomment>
        <translation>{char}  （{n}画）</translation>
    </message>
    <message>
        <source>On: {readings}</source>
        <translation>音: {readings}</translation>
    </message>
    <message>
        <source>Kun: {readings}</source>
        <translation>訓: {readings}</translation>
    </message>
    <message>
        <source>{width} (Settings → Digits and letters)</source>
        <translation>{width}（設定 → 数字と英字）</translation>
    </message>
    <message>
        <source>learned from your writing</source>
        <translation>あなたの手書きから学習</translation>
    </message>
    <message>
        <source>score {score} (small form)</source>
        <translation>スコア {score}（小書き）</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>スコア {score}</translation>
    </message>
    <message>
        <source>full-width</source>
        <translation>全角</translation>
    </message>
    <message>
        <source>half-width</source>
        <translation>半角</translation>
    </message>
    <message>
        <source>Candidate {key}: none</source>
        <extracomment>Lines the text may take (broken between words); the rect is this many lines high. Where a character&apos;s face comes from when no font has it: the user&apos;s ink (see CandidateBar.ink_for). The ink drawn as the character&apos;s face (no font has it), else None.</extracomment>
        <translation>候補 {key}: なし</translation>
    </message>
    <message>
        <source>Candidate {key}: {char}</source>
        <translation>候補 {key}: {char}</translation>
    </message>
    <message>
        <source>, {meaning}</source>
        <translation>、{meaning}</translation>
    </message>
    <message>
        <source>, {n} strokes</source>
        <translation>、{n}画</translation>
    </message>
    <message>
        <source>, learned from your writing</source>
        <translation>、あなたの手書きから学習</translation>
    </message>
    <message>
        <source>Candidates</source>
        <extracomment>(palette, down, hover, enabled) → (face, border, border width): worked out once, not on every paint. Up to nine pages (the pad asks for 30 candidates: three). The page shown changed: (first rank shown, how many candidates in all).</extracomment>
        <translation>候補</translation>
    </message>
    <message>
        <source>More candidates</source>
        <extracomment>One row of ten even when narrow: a short screen has no room for two (see set_one_row).</extracomment>
        <translation>次の候補</translation>
    </message>
    <message>
        <source>Candidates {first}–{last} of {n}: show the next ten (Page Down)</source>
        <translation>候補 {first}–{last}（全 {n} 件）: 次の10候補を表示（Page Down）</translation>
    </message>
    <message>
        <source>More candidates (none yet)</source>
        <translation>次の候補（まだありません）</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Drawing canvas</source>
        <extracomment>The view makes room only once the ink spans more than this (units) along the line. Room kept ahead of the ink, in cells: a character and a gap. A pause this long (ms) after a pen-up is taken as the moment between two characters. Emitted whenever the ink changes: pen-up, undo, redo, clear. A pen-up added a stroke: (ink before, ink after), for the window&apos;s undo history; emitted just before the ink changes (and inkChanged). The user asked to undo (right click); the window decides what that undoes.</extracomment>
        <translation>手書きキャンバス</translation>
    </message>
    <message>
        <source>Write a character here</source>
        <extracomment>Shown on an empty canvas, so a first-time user knows what to do.</extracomment>
        <translation>ここに文字を書いてください</translation>
    </message>
</context>
<context>
    <name>ComposeLine</name>
    <message>
        <source>Compose line</source>
        <extracomment>The user typed in the line: (text before, text after), one step of the window&apos;s history. The text changed, by typing, a pick, an undo or a load. Something to say in the status bar: (text, milliseconds). Something to say in a dialog: (title, text). :attr:`not_saved` changed.</extracomment>
        <translation>入力行</translation>
    </message>
    <message>
        <source>Picked characters collect here</source>
        <translation>選んだ文字がここにたまります</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>すべてコピー</translation>
    </message>
    <message>
        <source>Clear line</source>
        <translation>入力行を消去</translation>
    </message>
    <message>
        <source>Clear compose line</source>
        <translation>入力行を消去</translation>
    </message>
    <message>
        <source>the saved file could not be read</source>
        <extracomment>False for headless runs (self-test, benchmarks): they must not overwrite the user&apos;s line. Why the line as it is now is not saved (the system&apos;s words), or None when it is.</extracomment>
        <translation>保存されたファイルを読み込めませんでした</translation>
    </message>
    <message>
        <source>Saved compose line not read</source>
        <translation>保存された入力行を読み込めませんでした</translation>
    </message>
    <message>
        <source>Could not keep the compose line: {error}</source>
        <translation>入力行を保存できませんでした: {error}</translation>
    </message>
    <message>
        <source>The compose line now includes what another KanjiPad window saved</source>
        <translation>別の KanjiPad ウィンドウが保存した内容を入力行に取り込みました</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Learn your handwriting?</source>
        <translation>手書きを学習しますか？</translation>
    </message>
    <message>
        <source>KanjiPad can keep the ink of each character you pick, so that it reads your handwriting better the next time (and so you can fine-tune a model on it later).

The ink stays on this computer, in {folder}. You can turn this off, see how much is kept, and delete it at any time in Settings.</source>
        <translation>KanjiPad は、選んだ文字の筆跡を保存して、次からあなたの手書きをより正しく読み取れるようにできます（後でモデルの追加学習にも使えます）。

筆跡はこのコンピューターの {folder} に保存され、外部には送られません。この機能の無効化、保存量の確認、削除は「設定」からいつでもできます。</translation>
    </message>
    <message>
        <source>Learn from my picks</source>
        <translation>選んだ文字から学習する</translation>
    </message>
    <message>
        <source>Don&apos;t keep my ink</source>
        <translation>筆跡を保存しない</translation>
    </message>
</context>
<context>
    <name>CoreTexts</name>
    <message>
        <source>Model file not found: {path}.</source>
        <translation>モデルファイルが見つかりません: {path}。</translation>
    </message>
    <message>
        <source>{path}: the model cannot be read ({why})</source>
        <translation>{path}: モデルを読めません（{why}）</translation>
    </message>
    <message>
        <source>{path}: could not compact the store ({why}); it stays as it is</source>
        <translation>{path}: 保存ファイルを整理できませんでした（{why}）。そのままにしています</translation>
    </message>
    <message>
        <source>{path}: could not be read ({why}); samples you took back may be used again until it can be read</source>
        <translation>{path}: 読めませんでした（{why}）。読めるようになるまで、取り消したサンプルがまた使われることがあります</translation>
    </message>
    <message>
        <source>{path}: could not be read ({why}); learning uses what was read</source>
        <translation>{path}: 読めませんでした（{why}）。読めた分だけで学習します</translation>
    </message>
    <message>
        <source>{path}: a sample without id or character was skipped</source>
        <translation>{path}: ID か文字のないサンプルを読み飛ばしました</translation>
    </message>
    <message>
        <source>{path}: a sample was skipped: {why}</source>
        <translation>{path}: サンプルを読み飛ばしました（{why}）</translation>
    </message>
    <message>
        <source>{path}: lines that could not be read are kept in {kept}</source>
        <translation>{path}: 読めなかった行は {kept} に残しました</translation>
    </message>
    <message>
        <source>it is longer than a compose line ({limit:,} characters)</source>
        <translation>入力行として長すぎます（最大 {limit:,} 文字）</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte {offset:,})</source>
        <translation>UTF-8 のテキストではありません（{offset:,} バイト目）</translation>
    </message>
    <message>
        <source>The compose line saved in {path} could not be read: {why}. The file was kept as {kept}.</source>
        <translation>{path} に保存された入力行を読み込めませんでした：{why}。このファイルは {kept} として残してあります。</translation>
    </message>
    <message>
        <source>The compose line saved in {path} could not be read: {why}. It could not be moved aside ({error}), so it is left as it is and the compose line is not saved.</source>
        <translation>{path} に保存された入力行を読み込めませんでした：{why}。ファイルを別名で残せなかった（{error}）ため、そのままにしてあり、入力行は保存されません。</translation>
    </message>
    <message>
        <source>The compose line saved in {path} could not be read ({why}), so it is left as it is and the compose line is not saved.</source>
        <translation>{path} に保存された入力行を読み込めなかった（{why}）ため、ファイルはそのままにしてあり、入力行は保存されません。</translation>
    </message>
    <message>
        <source>{path} was not found</source>
        <translation>{path} が見つかりません</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a stroke-set file (.jsonl)</source>
        <translation>{path} はフォルダーです。ストロークセットのファイル (.jsonl) を選んでください</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe, a device or a socket); only files can be imported</source>
        <translation>{path} は通常のファイルではありません (パイプ、デバイスまたはソケット)。取り込めるのはファイルだけです</translation>
    </message>
    <message>
        <source>{path} is {size} MB; the largest file KanjiPad imports is {limit} MB</source>
        <translation>{path} は {size} MB です。KanjiPad が取り込めるファイルは {limit} MB までです</translation>
    </message>
    <message>
        <source>{path} could not be read ({why})</source>
        <translation>{path} を読み込めませんでした ({why})</translation>
    </message>
    <message>
        <source>{path} is empty: there is nothing to import</source>
        <translation>{path} は空です。取り込むものがありません</translation>
    </message>
    <message>
        <source>{path} is not a text file; taught characters are exported as stroke-set text (.jsonl)</source>
        <translation>{path} はテキストファイルではありません。教えた文字はストロークセットのテキスト (.jsonl) として書き出されます</translation>
    </message>
    <message>
        <source>{path} has no stroke samples KanjiPad can read: none of its {lines} lines is one</source>
        <translation>{path} には KanjiPad が読める筆跡サンプルがありません ({lines} 行のどれもサンプルではありません)</translation>
    </message>
    <message>
        <source>{path}: the dictionary file is missing; reinstall KanjiPad</source>
        <translation>{path}: 辞書ファイルがありません。KanjiPad を入れ直してください</translation>
    </message>
    <message>
        <source>{path}: cannot open the dictionary ({why}); reinstall KanjiPad</source>
        <translation>{path}: 辞書を開けません（{why}）。KanjiPad を入れ直してください</translation>
    </message>
    <message>
        <source>{path}: the dictionary file is damaged ({why}); reinstall KanjiPad</source>
        <translation>{path}: 辞書ファイルが壊れています（{why}）。KanjiPad を入れ直してください</translation>
    </message>
    <message>
        <source>{path}: dictionary schema {schema}, this KanjiPad reads {reads}</source>
        <translation>{path}: 辞書の形式が {schema} ですが、この KanjiPad が読めるのは {reads} です</translation>
    </message>
    <message>
        <source>Your settings file {path} could not be read ({why}). Defaults are in use for now; the file is left untouched and will not be overwritten.</source>
        <translation>設定ファイル {path} を読めませんでした（{why}）。今回は既定の設定を使います。ファイルはそのまま残し、上書きもしません。</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({why}). Defaults are in use; the old file was kept as {aside}.</source>
        <translation>設定ファイルを読めませんでした（{why}）。既定の設定を使います。元のファイルは {aside} として残しました。</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({why}). Defaults are in use; the old file could not be moved aside ({error}) and is left as it is.</source>
        <translation>設定ファイルを読めませんでした（{why}）。既定の設定を使います。元のファイルは退避できなかったため（{error}）、そのまま残しています。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>KanjiPad: something went wrong</source>
        <translation>KanjiPad: 問題が発生しました</translation>
    </message>
    <message>
        <source>The details are in the log file {path}; “Copy details” puts them on the clipboard for a report.</source>
        <translation>詳細はログファイル {path} にあります。「詳細をコピー」で報告用にクリップボードへコピーできます。</translation>
    </message>
    <message>
        <source>The log could not be written; “Copy details” still has everything.</source>
        <translation>ログを書き込めませんでした。「詳細をコピー」ですべての情報をコピーできます。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Put the error, KanjiPad&apos;s version and the system&apos;s on the clipboard</source>
        <translation>エラー内容、KanjiPad とシステムのバージョンをクリップボードにコピーします</translation>
    </message>
    <message>
        <source>Errors so far: {count}</source>
        <translation>これまでのエラー: {count} 件</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Something went wrong inside KanjiPad. It may go on working; if it does not, start it again.</source>
        <translation>KanjiPad の内部で問題が発生しました。このまま使える場合もありますが、動かなくなったら起動し直してください。</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <source>no model is loaded</source>
        <extracomment>The index for the current model changed (None: learning is off or not ready). A line for the status bar (progress of a rebuild, a damaged line skipped, ...). Why learning cannot work with the current model (&quot;&quot; when it can).</extracomment>
        <translation>モデルが読み込まれていません</translation>
    </message>
    <message>
        <source>{model} has no &apos;embedding&apos; output, so it cannot learn from your ink (re-export it with kanjipad-train export)</source>
        <translation>{model} には &apos;embedding&apos; 出力がないため、手書きから学習できません（kanjipad-train export で書き出し直してください）</translation>
    </message>
    <message>
        <source>Learning is off: {why}</source>
        <translation>学習はオフです: {why}</translation>
    </message>
    <message>
        <source>Preparing {n} remembered samples for this model…</source>
        <translation>保存済みの {n} 件のサンプルをこのモデル用に準備しています…</translation>
    </message>
    <message>
        <source>Could not prepare what the pad learned: {error}</source>
        <translation>学習した内容を準備できませんでした: {error}</translation>
    </message>
    <message>
        <source>Learned from {n} samples of your writing</source>
        <translation>あなたの手書き {n} 件から学習しました</translation>
    </message>
    <message>
        <source>Preparing {n} new samples for this model…</source>
        <translation>新しい {n} 件のサンプルをこのモデル用に準備しています…</translation>
    </message>
    <message>
        <source>could not be forgotten for good ({error}); it is back after a restart</source>
        <translation>完全には削除できませんでした（{error}）。再起動すると元に戻ります</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <source>Look-up is off: {why}</source>
        <extracomment>The look-up panel follows new candidates this long after they are painted (fast writing: once).</extracomment>
        <translation>辞書は使えません: {why}</translation>
    </message>
    <message>
        <source>Compact mode keeps the look-up panel closed (Ctrl+M leaves it)</source>
        <translation>コンパクト表示中は辞書パネルを開けません（Ctrl+M で解除）</translation>
    </message>
    <message>
        <source>hiragana</source>
        <extracomment>What the panel shows: (&quot;char&quot;, c), (&quot;text&quot;, t), (&quot;search&quot;, q), or (&quot;at&quot; or &quot;before&quot;, t, cursor). Words containing a character shown under it. Entries shown for one place of a text (longest first). Search results shown. Typing in the search box waits this long for the next key. Senses shown per word entry. What a character is (CharEntry.kind), in words; kanji go without saying.</extracomment>
        <translation>ひらがな</translation>
    </message>
    <message>
        <source>katakana</source>
        <translation>カタカナ</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>latin</source>
        <translation>ラテン文字</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>記号</translation>
    </message>
    <message>
        <source>Jōyō (secondary school)</source>
        <translation>常用漢字（中学校以降）</translation>
    </message>
    <message>
        <source>jinmeiyō (names)</source>
        <translation>人名用漢字</translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation>{grade} 年生</translation>
    </message>
    <message>
        <source>the look-up failed ({error})</source>
        <extracomment>Opens the database (on the look-up thread); None: the shipped file.</extracomment>
        <translation>辞書の検索に失敗しました（{error}）</translation>
    </message>
    <message>
        <source>Look-up panel</source>
        <extracomment>What the panel shows changed (a subject such as ``(&quot;char&quot;, &quot;食&quot;)``); tests and the window listen.</extracomment>
        <translation>辞書パネル</translation>
    </message>
    <message>
        <source>Search: kana, romaji or English</source>
        <translation>検索: かな・ローマ字・英語</translation>
    </message>
    <message>
        <source>Look-up search</source>
        <translation>辞書検索</translation>
    </message>
    <message>
        <source>Draw the strokes one by one</source>
        <translation>筆順を一画ずつ描く</translation>
    </message>
    <message>
        <source>Draw the character&apos;s strokes in order, one by one</source>
        <translation>文字の筆順を一画ずつ描きます</translation>
    </message>
    <message>
        <source>Look-up entries</source>
        <translation>辞書の項目</translation>
    </message>
    <message>
        <source>Write a character, hover a candidate or search</source>
        <extracomment>What is on screen (or asked for): (&quot;char&quot;, c), (&quot;text&quot;, t), (&quot;at&quot;, t, i) or (&quot;search&quot;, q). What to show once the panel is active (it asks nothing while hidden).</extracomment>
        <translation>文字を書くか、候補にマウスを合わせるか、検索してください</translation>
    </message>
    <message>
        <source>1 stroke</source>
        <translation>1画</translation>
    </message>
    <message>
        <source>{n} strokes</source>
        <translation>{n}画</translation>
    </message>
    <message>
        <source>radical {char} ({number})</source>
        <translation>部首 {char}（{number}）</translation>
    </message>
    <message>
        <source>JLPT level {level} (old)</source>
        <translation>旧 JLPT {level} 級</translation>
    </message>
    <message>
        <source>frequency #{rank}</source>
        <translation>頻度 {rank} 位</translation>
    </message>
    <message>
        <source>Draw the {n} strokes one by one</source>
        <translation>{n}画を一画ずつ描く</translation>
    </message>
    <message>
        <source>Draw the stroke</source>
        <translation>筆順を描く</translation>
    </message>
    <message>
        <source>Draw the strokes</source>
        <translation>筆順を描く</translation>
    </message>
    <message>
        <source>On</source>
        <translation>音読み</translation>
    </message>
    <message>
        <source>Kun</source>
        <translation>訓読み</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名乗り</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Romaji</source>
        <translation>ローマ字</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>構成要素</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Words with {char}</source>
        <translation>{char} を含む単語</translation>
    </message>
    <message>
        <source>Okurigana in brackets: {reading} is written {written}.</source>
        <translation>かっこ内は送り仮名: {reading} は {written} と書きます。</translation>
    </message>
    <message>
        <source>common</source>
        <translation>常用</translation>
    </message>
    <message>
        <source>No word found here</source>
        <translation>ここに単語は見つかりません</translation>
    </message>
    <message>
        <source>Word by word: {words}</source>
        <translation>単語ごと: {words}</translation>
    </message>
    <message>
        <source>No entry.</source>
        <translation>項目なし。</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”</source>
        <translation>「{query}」は見つかりませんでした</translation>
    </message>
    <message>
        <source>1 word for “{query}”</source>
        <translation>「{query}」の単語 1 件</translation>
    </message>
    <message>
        <source>{n} words for “{query}”</source>
        <translation>「{query}」の単語 {n} 件</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>辞書</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KanjiPad</source>
        <extracomment>When the recognition thread warms up after a model loads: after the window&apos;s first paints. Candidates asked of the model: ten on screen, the rest behind &quot;more&quot;. Emitted after new candidates have been put on screen (benchmarks listen to this).</extracomment>
        <translation>KanjiPad</translation>
    </message>
    <message>
        <source>Write a character here, or a word in a row or a column</source>
        <translation>ここに文字を書いてください（単語は横書きでも縦書きでも）</translation>
    </message>
    <message>
        <source>Settings reset</source>
        <translation>設定をリセットしました</translation>
    </message>
    <message>
        <source>{file} could not be loaded ({error})</source>
        <translation>{file} を読み込めませんでした（{error}）</translation>
    </message>
    <message>
        <source>No recognition model</source>
        <translation>認識モデルがありません</translation>
    </message>
    <message>
        <source>{problem}

You can still draw. Choose a working model in Settings (Ctrl+,), or clear the model path there to use the bundled one.</source>
        <translation>{problem}

書くことはできます。「設定」（Ctrl+,）で使えるモデルを選ぶか、モデルのパスを空にして同梱のモデルを使ってください。</translation>
    </message>
    <message>
        <source>Recognising on the CPU</source>
        <translation>CPU で認識します</translation>
    </message>
    <message>
        <source>Recognition failed: {error}</source>
        <translation>認識に失敗しました: {error}</translation>
    </message>
    <message>
        <source>1 stroke</source>
        <translation>1画</translation>
    </message>
    <message>
        <source>{n} strokes</source>
        <translation>{n}画</translation>
    </message>
    <message>
        <source>The compose line is empty: nothing copied</source>
        <translation>入力行が空なので、何もコピーしませんでした</translation>
    </message>
    <message>
        <source>Copied the compose line</source>
        <translation>入力行をコピーしました</translation>
    </message>
    <message>
        <source>Undo {step}</source>
        <translation>元に戻す（{step}）</translation>
    </message>
    <message>
        <source>Redo {step}</source>
        <translation>やり直す（{step}）</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>削除できませんでした</translation>
    </message>
    <message>
        <source>What the pad learned could not be deleted: {problem}</source>
        <translation>学習した内容を削除できませんでした: {problem}</translation>
    </message>
    <message>
        <source>Deleted everything the pad had learned</source>
        <translation>学習した内容をすべて削除しました</translation>
    </message>
    <message>
        <source>Could not save settings: {error}</source>
        <translation>設定を保存できませんでした: {error}</translation>
    </message>
    <message>
        <source>The GPU (CUDA) was chosen, but this installation&apos;s ONNX Runtime has no CUDA support; recognising on the CPU instead. To use the GPU, install onnxruntime-gpu in place of onnxruntime (see the README: requirements/gpu.txt).</source>
        <translation>GPU（CUDA）が選ばれていますが、このインストールの ONNX Runtime は CUDA に対応していないため、CPU で認識します。GPU を使うには、onnxruntime の代わりに onnxruntime-gpu をインストールしてください（README の requirements/gpu.txt を参照）。</translation>
    </message>
    <message>
        <source>KanjiPad is already open: here it is</source>
        <translation>KanjiPad はすでに開いています（こちらです）</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;KanjiPad</source>
        <extracomment>Every action is in a menu, its shortcut shown there (None: a separator).</extracomment>
        <translation>KanjiPad(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
</context>
<context>
    <name>PartOfSpeech</name>
    <message>
        <source>noun</source>
        <extracomment>EDICT part-of-speech tags, in words (a tag not listed is shown as it is).</extracomment>
        <translation>名詞</translation>
    </message>
    <message>
        <source>ichidan verb</source>
        <translation>一段動詞</translation>
    </message>
    <message>
        <source>godan verb</source>
        <translation>五段動詞</translation>
    </message>
    <message>
        <source>suru verb</source>
        <translation>サ変動詞</translation>
    </message>
    <message>
        <source>kuru verb</source>
        <translation>カ変動詞</translation>
    </message>
    <message>
        <source>transitive</source>
        <translation>他動詞</translation>
    </message>
    <message>
        <source>intransitive</source>
        <translation>自動詞</translation>
    </message>
    <message>
        <source>zuru verb</source>
        <translation>ザ変動詞</translation>
    </message>
    <message>
        <source>i-adjective</source>
        <translation>形容詞</translation>
    </message>
    <message>
        <source>i-adjective (いい)</source>
        <translation>形容詞（いい）</translation>
    </message>
    <message>
        <source>taru adjective</source>
        <translation>タルト型形容動詞</translation>
    </message>
    <message>
        <source>pre-noun</source>
        <translation>連体詞</translation>
    </message>
    <message>
        <source>proper noun</source>
        <translation>固有名詞</translation>
    </message>
    <message>
        <source>auxiliary</source>
        <translation>補助</translation>
    </message>
    <message>
        <source>auxiliary adjective</source>
        <translation>補助形容詞</translation>
    </message>
    <message>
        <source>copula</source>
        <translation>繋辞</translation>
    </message>
    <message>
        <source>na-adjective</source>
        <translation>形容動詞</translation>
    </message>
    <message>
        <source>no-adjective</source>
        <translation>の形容詞</translation>
    </message>
    <message>
        <source>pre-noun adjectival</source>
        <translation>連体詞</translation>
    </message>
    <message>
        <source>adverb</source>
        <translation>副詞</translation>
    </message>
    <message>
        <source>adverb taking と</source>
        <translation>と副詞</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>表現</translation>
    </message>
    <message>
        <source>interjection</source>
        <translation>感動詞</translation>
    </message>
    <message>
        <source>pronoun</source>
        <translation>代名詞</translation>
    </message>
    <message>
        <source>particle</source>
        <translation>助詞</translation>
    </message>
    <message>
        <source>conjunction</source>
        <translation>接続詞</translation>
    </message>
    <message>
        <source>auxiliary verb</source>
        <translation>助動詞</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>接頭辞</translation>
    </message>
    <message>
        <source>suffix</source>
        <translation>接尾辞</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>助数詞</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数詞</translation>
    </message>
    <message>
        <source>noun suffix</source>
        <translation>名詞（接尾）</translation>
    </message>
    <message>
        <source>noun prefix</source>
        <translation>名詞（接頭）</translation>
    </message>
    <message>
        <source>adverbial noun</source>
        <translation>副詞的名詞</translation>
    </message>
    <message>
        <source>temporal noun</source>
        <translation>時を表す名詞</translation>
    </message>
</context>
<context>
    <name>Picking</name>
    <message>
        <source>Copied {char}</source>
        <translation>{char} をコピーしました</translation>
    </message>
    <message>
        <source>Copied {char}, but the sample could not be kept: {problem}</source>
        <translation>{char} をコピーしましたが、サンプルを保存できませんでした: {problem}</translation>
    </message>
    <message>
        <source>Redid the pick: {message}</source>
        <translation>選択をやり直しました（{message}）</translation>
    </message>
    <message>
        <source>Took back the pick of {char} here, but its sample {problem}; it stays typed in the other window (undo it there).</source>
        <translation>{char} の選択はパッドでだけ元に戻しましたが、そのサンプルは{problem}（入力先の文字はそちらで元に戻してください）</translation>
    </message>
    <message>
        <source>Undid the pick of {char}, but its sample {problem}</source>
        <translation>{char} の選択を元に戻しましたが、そのサンプルは{problem}</translation>
    </message>
    <message>
        <source>Took back the pick of {char} here and forgot its sample; it stays typed in the other window (undo it there).</source>
        <translation>{char} の選択はパッドでだけ元に戻し、サンプルも削除しました（入力先の文字はそちらで元に戻してください）</translation>
    </message>
    <message>
        <source>Undid the pick of {char}: the pad forgot that sample</source>
        <translation>{char} の選択を元に戻しました（そのサンプルは削除しました）</translation>
    </message>
    <message>
        <source>Took back the pick of {char} here; it stays typed in the other window (undo it there).</source>
        <translation>{char} の選択はパッドでだけ元に戻しました（入力先の文字はそちらで元に戻してください）</translation>
    </message>
    <message>
        <source>Undid the pick of {char}</source>
        <translation>{char} の選択を元に戻しました</translation>
    </message>
    <message>
        <source>The sample could not be kept: {problem}</source>
        <translation>サンプルを保存できませんでした: {problem}</translation>
    </message>
</context>
<context>
    <name>RowBar</name>
    <message>
        <source>{new} where string 1 has {old}</source>
        <extracomment>Alternatives offered under each character of the first string. The alternatives&apos; size (times the UI font), their group&apos;s margins, a string button&apos;s least height. Between the strings and the alternatives below them. Between a string&apos;s key (1–5) and the string, in compact mode.</extracomment>
        <translation>第1候補の {old} の代わりに {new}</translation>
    </message>
    <message>
        <source>{new} added</source>
        <translation>{new} を追加</translation>
    </message>
    <message>
        <source>without {old}</source>
        <translation>{old} なし</translation>
    </message>
    <message>
        <source>String {n}: {text}</source>
        <translation>文字列 {n}: {text}</translation>
    </message>
    <message>
        <source>Strings</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>Use {char} for character {n}</source>
        <extracomment>The first string as the user has edited it (swapped characters), one entry per character. Per character of the first string: its alternative buttons (shown ones). Per character of the first string: what it may be, the reading&apos;s choice first (the keys cycle these). The character of the first string the arrow keys change (None until a key is used).</extracomment>
        <translation>{n} 文字目を {char} にする</translation>
    </message>
    <message>
        <source>Character {n}: {char}</source>
        <translation>{n} 文字目: {char}</translation>
    </message>
</context>
<context>
    <name>SaveWatch</name>
    <message>
        <source>⚠ Not saved</source>
        <extracomment>Why the last settings save failed (the system&apos;s words), None when it did not.</extracomment>
        <translation>⚠ 未保存</translation>
    </message>
    <message>
        <source>Settings are not saved to {path} ({why}).</source>
        <translation>設定は {path} に保存されていません（{why}）。</translation>
    </message>
    <message>
        <source>The compose line is not saved to {path} ({why}).</source>
        <translation>入力行は {path} に保存されていません（{why}）。</translation>
    </message>
    <message>
        <source>The compose line could not be saved to {path} ({why}). Copy it below to keep it.</source>
        <translation>入力行を {path} に保存できませんでした（{why}）。残すには下の文字列をコピーしてください。</translation>
    </message>
    <message>
        <source>The settings changed in this session could not be saved to {path} ({why}); KanjiPad starts with the ones saved before.</source>
        <translation>今回変更した設定を {path} に保存できませんでした（{why}）。次回は以前に保存された設定で起動します。</translation>
    </message>
    <message>
        <source>Not everything was saved</source>
        <translation>保存できなかったものがあります</translation>
    </message>
    <message>
        <source>The compose line that was not saved</source>
        <translation>保存できなかった入力行</translation>
    </message>
    <message>
        <source>Copy the line</source>
        <translation>行をコピー</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>As the system</source>
        <extracomment>Each language by its own name, so a user lost in the other one still finds theirs.</extracomment>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>ハイコントラスト</translation>
    </message>
    <message>
        <source>Automatic (GPU if there is one)</source>
        <translation>自動（GPU があれば GPU）</translation>
    </message>
    <message>
        <source>This computer&apos;s processor (CPU)</source>
        <translation>このコンピューターのプロセッサー（CPU）</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <source>KanjiPad settings</source>
        <extracomment>Qt&apos;s short key names, as the README and the keyboard spell them.</extracomment>
        <translation>KanjiPad の設定</translation>
    </message>
    <message>
        <source>A new language applies when KanjiPad next starts.</source>
        <extracomment>Set when the user confirmed &quot;Delete everything learned&quot; (the window does it).</extracomment>
        <translation>言語の変更は KanjiPad の次回起動時に反映されます。</translation>
    </message>
    <message>
        <source>Where the handwriting is recognised. A GPU needs onnxruntime-gpu and CUDA.</source>
        <translation>手書きを認識する場所です。GPU を使うには onnxruntime-gpu と CUDA が必要です。</translation>
    </message>
    <message>
        <source>Clear the canvas after picking</source>
        <translation>選んだ後にキャンバスを消去する</translation>
    </message>
    <message>
        <source>Half-width (1 A ?)</source>
        <translation>半角（1 A ?）</translation>
    </message>
    <message>
        <source>Full-width (１ Ａ ？)</source>
        <translation>全角（１ Ａ ？）</translation>
    </message>
    <message>
        <source>How digits, Latin letters and ASCII punctuation are offered</source>
        <translation>数字・英字・ASCII 記号を候補に出すときの幅</translation>
    </message>
    <message>
        <source>Rows and columns, as written</source>
        <translation>書いたとおりに横書き・縦書き</translation>
    </message>
    <message>
        <source>Rows (left to right)</source>
        <translation>横書き（左から右）</translation>
    </message>
    <message>
        <source>Columns (top to bottom)</source>
        <translation>縦書き（上から下）</translation>
    </message>
    <message>
        <source>How several characters written in a line are read</source>
        <translation>一列に書いた複数の文字の読み取り方</translation>
    </message>
    <message>
        <source>Show the guide grid</source>
        <translation>補助線を表示する</translation>
    </message>
    <message>
        <source>Type each pick into the window I write in</source>
        <translation>選んだ文字を、書いているウィンドウに入力する</translation>
    </message>
    <message>
        <source>The pad then never takes the keyboard: what you pick with the mouse or pen is typed where you write, and copied too. The pad&apos;s keys (1 … 0, Enter, Ctrl+Z) reach it only when this is off.</source>
        <translation>オンにすると、パッドはキーボード入力を受け取りません。マウスやペンで選んだ文字は、書いている場所に入力され、コピーもされます。パッドのキー（1 … 0、Enter、Ctrl+Z）は、この設定がオフのときだけ使えます。</translation>
    </message>
    <message>
        <source>Learn my handwriting from the characters I pick</source>
        <translation>選んだ文字から手書きを学習する</translation>
    </message>
    <message>
        <source>Keeps the ink of each pick on this computer; nothing leaves it</source>
        <translation>選んだ文字の筆跡をこのコンピューターに保存します。外部には送られません</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Delete everything learned…</source>
        <translation>学習した内容をすべて削除…</translation>
    </message>
    <message>
        <source>bundled model</source>
        <translation>同梱のモデル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Recognise on</source>
        <translation>認識に使う装置</translation>
    </message>
    <message>
        <source>Digits and letters</source>
        <translation>数字と英字</translation>
    </message>
    <message>
        <source>Several characters</source>
        <translation>複数の文字</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Kept: {samples} samples of {chars} characters ({kb} KB) in {folder}. At most {per_char} per character and {most} in all are kept; older ones are dropped.</source>
        <translation>保存済み: {chars} 文字のサンプル {samples} 件（{kb} KB）、場所: {folder}。1 文字あたり最大 {per_char} 件、全体で最大 {most} 件まで保存し、古いものから削除します。</translation>
    </message>
    <message>
        <source>Delete everything learned?</source>
        <translation>学習した内容をすべて削除しますか？</translation>
    </message>
    <message>
        <source>This deletes all kept ink (picks and taught characters). It cannot be undone.</source>
        <translation>保存したすべての筆跡（選んだ文字と教えた文字）を削除します。元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>モデルを選択</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX モデル (*.onnx)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>pick candidate 1 … 10 of the page shown</source>
        <extracomment>Keys that are not menu actions (the rest of the list comes from the actions themselves).</extracomment>
        <translation>表示中の候補 1〜10 を選ぶ</translation>
    </message>
    <message>
        <source>pick string 1 … 5, when you wrote a row or a column of characters</source>
        <translation>複数の文字を横または縦に書いたとき、文字列 1〜5 を選ぶ</translation>
    </message>
    <message>
        <source>Right click</source>
        <translation>右クリック</translation>
    </message>
    <message>
        <source>undo (as Ctrl+Z)</source>
        <translation>元に戻す（Ctrl+Z と同じ）</translation>
    </message>
    <message>
        <source>the › button</source>
        <translation>› ボタン</translation>
    </message>
    <message>
        <source>the next ten candidates (as Page Down)</source>
        <translation>次の10候補（Page Down と同じ）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Another KanjiPad is using this data folder ({folder}) and did not answer. If one is open, bring it to the front yourself; if none is open, one may be stuck without a window: end it in your task manager and start KanjiPad again.</source>
        <extracomment>How long a later start waits for the first one&apos;s socket (it may be starting too).</extracomment>
        <translation>別の KanjiPad がこのデータフォルダー ({folder}) を使っていて、応答しませんでした。開いていれば、そのウィンドウを前面に出してください。開いていなければ、ウィンドウのないまま止まっているかもしれません。タスクマネージャーで終了してから KanjiPad をもう一度起動してください。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Strokes on the canvas</source>
        <translation>キャンバス上の画数</translation>
    </message>
    <message>
        <source>Where the handwriting is recognised (Settings → Recognise on)</source>
        <translation>手書きを認識している装置（設定 → 認識に使う装置）</translation>
    </message>
    <message>
        <source>How long the last recognition took, from pen-up to candidates</source>
        <translation>直前の認識にかかった時間（ペンを離してから候補が出るまで）</translation>
    </message>
    <message>
        <source>{model} · {n} characters</source>
        <translation>{model} · {n} 文字</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>モデルなし</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>stroke</source>
        <extracomment>One history for strokes, clear, picks, clear line and typing (Ctrl+Z / Ctrl+Shift+Z).</extracomment>
        <translation>画</translation>
    </message>
    <message>
        <source>typing</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Undid: {step}</source>
        <translation>{step}を元に戻しました</translation>
    </message>
    <message>
        <source>Redid: {step}</source>
        <translation>{step}をやり直しました</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Cleared (Ctrl+Z brings the ink back)</source>
        <translation>消去しました（Ctrl+Z で元に戻せます）</translation>
    </message>
    <message>
        <source>clear line</source>
        <translation>入力行の消去</translation>
    </message>
    <message>
        <source>Cleared the compose line (Ctrl+Z brings it back)</source>
        <translation>入力行を消去しました（Ctrl+Z で元に戻せます）</translation>
    </message>
    <message>
        <source>delete {char}</source>
        <translation>{char} の削除</translation>
    </message>
    <message>
        <source>Deleted {char} from the compose line (Ctrl+Z brings it back)</source>
        <translation>入力行から {char} を削除しました（Ctrl+Z で元に戻せます）</translation>
    </message>
    <message>
        <source>pick {char}</source>
        <extracomment>A status message and how long it shows (ms).</extracomment>
        <translation>{char} の選択</translation>
    </message>
</context>
<context>
    <name>StrokeOrder</name>
    <message>
        <source>Stroke order</source>
        <extracomment>Frames of the animation. Strokes shown, with a fraction for the one being drawn; None: all of them, still.</extracomment>
        <translation>筆順</translation>
    </message>
    <message>
        <source>{n} strokes</source>
        <translation>{n}画</translation>
    </message>
</context>
<context>
    <name>Teach</name>
    <message>
        <source>Teach KanjiPad a character</source>
        <translation>KanjiPad に文字を教える</translation>
    </message>
    <message>
        <source>the character, e.g. 髙</source>
        <translation>教える文字（例: 髙）</translation>
    </message>
    <message>
        <source>Character to teach</source>
        <translation>教える文字</translation>
    </message>
    <message>
        <source>Write the character here</source>
        <translation>ここに文字を書いてください</translation>
    </message>
    <message>
        <source>Next writing</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Taught characters</source>
        <translation>教えた文字</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Taught so far</source>
        <translation>これまでに教えた文字</translation>
    </message>
    <message>
        <source>still preparing</source>
        <translation>まだ準備中です</translation>
    </message>
    <message>
        <source>Teaching is unavailable: {why}</source>
        <translation>文字を教えることはできません: {why}</translation>
    </message>
    <message>
        <source>Type one character, then write it three times.</source>
        <translation>文字を1つ入力してから、3回書いてください。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Writing {n} of {count} of {char}</source>
        <translation>{char} の {n} 回目（全 {count} 回）</translation>
    </message>
    <message>
        <source>{writing} ({typed} is taken as {char}, its composed form)</source>
        <translation>{writing}（{typed} は合成済みの形 {char} として扱います）</translation>
    </message>
    <message>
        <source>the character</source>
        <translation>この文字</translation>
    </message>
    <message>
        <source>Discard the writings?</source>
        <translation>書いた内容を破棄しますか？</translation>
    </message>
    <message>
        <source>1 writing of {char} not taught yet: {char} is taught after {count} writings.</source>
        <translation>{char} の手書き 1 回分がまだ教えられていません。{char} は {count} 回書くと教えられます。</translation>
    </message>
    <message>
        <source>{n} writings of {char} not taught yet: {char} is taught after {count} writings.</source>
        <translation>{char} の手書き {n} 回分がまだ教えられていません。{char} は {count} 回書くと教えられます。</translation>
    </message>
    <message>
        <source>Discard and close</source>
        <translation>破棄して閉じる</translation>
    </message>
    <message>
        <source>Keep writing</source>
        <translation>書き続ける</translation>
    </message>
    <message>
        <source>Could not teach</source>
        <translation>教えられませんでした</translation>
    </message>
    <message>
        <source>{char} could not be stored: {error}</source>
        <translation>{char} を保存できませんでした: {error}</translation>
    </message>
    <message>
        <source>{char}   {n} samples</source>
        <translation>{char}   サンプル {n} 件</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>削除できませんでした</translation>
    </message>
    <message>
        <source>Export taught characters</source>
        <translation>教えた文字を書き出す</translation>
    </message>
    <message>
        <source>Stroke sets (*.jsonl)</source>
        <translation>筆跡データ (*.jsonl)</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>{path} に書き込めませんでした: {error}</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>Exported {n} samples to {path}</source>
        <translation>{n} 件のサンプルを {path} に書き出しました</translation>
    </message>
    <message>
        <source>Import taught characters</source>
        <translation>教えた文字を読み込む</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>取り込めませんでした</translation>
    </message>
    <message>
        <source>Nothing was imported: the samples could not be stored ({error}).</source>
        <translation>何も取り込まれませんでした。サンプルを保存できませんでした ({error})。</translation>
    </message>
    <message>
        <source>Imported {n} of the {found} samples in the file.</source>
        <translation>ファイル内の {found} 個のサンプルのうち {n} 個を取り込みました。</translation>
    </message>
    <message>
        <source>Not imported, {n}: their characters already have the most samples kept of one character ({most}).</source>
        <translation>取り込まなかったもの {n} 個: その文字には 1 文字あたりの上限 ({most} 個) のサンプルがすでにあります。</translation>
    </message>
    <message>
        <source>Not imported, {n}: the store is full ({most} samples in all). Delete characters you no longer need to make room.</source>
        <translation>取り込まなかったもの {n} 個: 保存領域がいっぱいです (全部で {most} 個まで)。不要になった文字を削除して空きを作ってください。</translation>
    </message>
    <message>
        <source>Nothing you had already taught or picked was removed.</source>
        <translation>すでに教えた文字や選んだ候補のサンプルは一つも削除されていません。</translation>
    </message>
    <message>
        <source>{typed} was taken as {char} (its composed form, NFC)</source>
        <translation>{typed} は合成済みの形 {char}（NFC）として扱いました</translation>
    </message>
    <message>
        <source>Lines skipped, {n}:
{problems}</source>
        <translation>読み飛ばした行 {n} 行:
{problems}</translation>
    </message>
    <message>
        <source>Lines skipped, {n}: they are not stroke samples KanjiPad can read.</source>
        <translation>読み飛ばした行 {n} 行: KanjiPad が読める筆跡サンプルではありません。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>読み込み</translation>
    </message>
</context>
<context>
    <name>TypeInto</name>
    <message>
        <source>On Wayland a program may not type into another program&apos;s window: copy the pick and paste it where you write (Ctrl+V).</source>
        <extracomment>The spare key codes (X11) are emptied again once typing has been idle this long. A status message and how long it shows (ms).</extracomment>
        <translation>Wayland では、プログラムが他のプログラムのウィンドウに文字を入力することはできません。選んだ文字をコピーして、書いている場所に貼り付けてください（Ctrl+V）。</translation>
    </message>
    <message>
        <source>On macOS KanjiPad may not type into another program&apos;s window: copy the pick and paste it where you write (⌘V).</source>
        <translation>macOS では、KanjiPad が他のプログラムのウィンドウに文字を入力することはできません。選んだ文字をコピーして、書いている場所に貼り付けてください（⌘V）。</translation>
    </message>
    <message>
        <source>This window system takes no typing from KanjiPad: picks are copied only.</source>
        <translation>このウィンドウシステムでは KanjiPad から文字を入力できません。選んだ文字はコピーだけされます。</translation>
    </message>
    <message>
        <source>Copied {text}. To type it, click first in the window you write in.</source>
        <extracomment>Types text into the focused window of another program; TypingError when it cannot (tests swap it).</extracomment>
        <translation>{text} をコピーしました。入力するには、先に書いているウィンドウをクリックしてください。</translation>
    </message>
    <message>
        <source>Copied {text}, but it could not be typed: {problem}</source>
        <translation>{text} をコピーしましたが、入力できませんでした: {problem}</translation>
    </message>
    <message>
        <source>Typed {text} (and copied it)</source>
        <translation>{text} を入力しました（コピーもしました）</translation>
    </message>
</context>
<context>
    <name>WindowFit</name>
    <message>
        <source>The screen is too small for the full window: it stays compact</source>
        <extracomment>The window&apos;s first size, and the size leaving compact mode gives when no earlier one is known. Room for a window manager&apos;s border and title bar before the window has been shown (frame unknown). Compact mode&apos;s margins round the canvas and candidates (the style&apos;s, about 9 px, otherwise). What is shown: the user&apos;s choice (settings.compact) or the screen&apos;s. The size before compact mode, brought back when it ends.</extracomment>
        <translation>画面が小さいため、通常のウィンドウは表示できません。コンパクト表示のままにします</translation>
    </message>
</context>
</TS>
