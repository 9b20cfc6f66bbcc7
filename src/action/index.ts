import { run } from './push.ts'

void run()
