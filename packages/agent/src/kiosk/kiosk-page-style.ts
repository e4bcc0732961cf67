/** The kiosk page's stylesheet: black background, large type, touch-sized buttons, no external fonts. */
export const kioskPageStyle = `
*{box-sizing:border-box}
[hidden]{display:none !important}
html,body{margin:0;height:100%;background:#000;color:#fff;overflow:hidden;
  font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic","Meiryo",sans-serif;
  -webkit-user-select:none;user-select:none;-webkit-tap-highlight-color:transparent}
main{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:2.5vh;
  padding:4vh 4vw;text-align:center}
small{display:block;font-size:.42em;font-weight:400;color:#d0d0d0;letter-spacing:0;margin-top:.3em}
.clock{font-size:20vh;font-weight:700;font-variant-numeric:tabular-nums;line-height:1}
.date{font-size:5vh}
.reader{font-size:4vh;color:#e0e0e0}
.status{font-size:4vh;padding:.3em 1em;border-radius:.4em;border:.12em solid currentColor}
.status.online{color:#7CFC9A}
.status.offline{color:#FFD54F}
.hint{font-size:6vh;font-weight:700;margin-top:3vh}
.punch-label{font-size:24vh;font-weight:900;line-height:1}
.punch-label.in{color:#7CFC9A}
.punch-label.out{color:#80D8FF}
.punch-time{font-size:10vh;font-weight:700;font-variant-numeric:tabular-nums}
.name{font-size:7vh;font-weight:700}
.note{font-size:4.5vh;color:#000;background:#FFD54F;padding:.3em .8em;border-radius:.3em;font-weight:700}
.choices{display:flex;gap:4vw}
button{font:inherit;color:#fff;background:#222;border:.5vh solid #fff;border-radius:2vh;cursor:pointer;touch-action:manipulation}
button:active{background:#555}
button:disabled{opacity:.35}
.choice{font-size:7vh;font-weight:900;min-width:28vw;min-height:16vh;padding:1vh 2vw}
.choice.selected{background:#fff;color:#000}
.choice.selected small{color:#333}
.countdown{font-size:4vh;font-variant-numeric:tabular-nums}
.message{font-size:8vh;font-weight:700;white-space:pre-line;max-width:90vw;padding:4vh 4vw;border-radius:2vh}
.message.info{border:.6vh solid #80D8FF}
.message.error{border:.6vh solid #FF6E6E;color:#FFB3B3}
.prompt{font-size:5.5vh;font-weight:700;white-space:pre-line}
.dots{font-size:10vh;letter-spacing:.3em;font-variant-numeric:tabular-nums}
.keypad{display:grid;grid-template-columns:repeat(3,1fr);gap:1.6vh;width:min(70vw,60vh)}
.key{font-size:6.5vh;font-weight:700;height:10.5vh}
.key.small{font-size:4.2vh}
.key.enter{background:#1B5E20}
.cancel{font-size:3.6vh;padding:1vh 4vw}
.enrolment{font-size:6vh;font-weight:700;white-space:pre-line;max-width:90vw}
#connection{position:fixed;left:0;right:0;bottom:0;padding:1.5vh;font-size:3.2vh;text-align:center;
  background:#B71C1C;color:#fff}
`;
