// Prints `tick <n>` every 10 ms until killed; `exit` as first argument: prints once and exits 3.
const mode = process.argv[2];
let n = 0;
console.log(`tick ${n++}`);
if (mode === 'exit') process.exit(3);
setInterval(() => console.log(`tick ${n++}`), 10);
