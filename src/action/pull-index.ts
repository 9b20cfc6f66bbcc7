import '../threadpool.ts'
import { run } from './pull.ts'

void run()
