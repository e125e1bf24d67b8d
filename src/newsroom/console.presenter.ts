import { Inject, Injectable } from '@nestjs/common';
import {
  FIGURE_QUALIFIERS,
  UPDATE_KINDS,
  type OpenedBlog,
  ArticleViews,
  scheduledList,
  submissionsList,
} from '../live-blog/index.js';
import { LivePagePresenter, pageHelpers, type PageHead } from '../pages/index.js';
import { CLOCK, type Clock } from '../kernel/index.js';

/** Zones offered when opening a story; any other IANA name may be typed. */
const COMMON_TIME_ZONES = [
  'Europe/London',
  'UTC',
  'Europe/Paris',
  'Europe/Kyiv',
  'Europe/Moscow',
  'Asia/Bishkek',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Africa/Nairobi',
] as const;

const CONSOLE_SCRIPTS = [
  '/assets/js/live-page.js',
  '/assets/js/console.js',
  '/assets/js/console-queue.js',
  '/assets/js/console-questions.js',
];
const NEWSROOM_STYLES = ['/assets/css/console.css'];

/** The page models of the newsroom: the index of stories and one story's console. */
@Injectable()
export class NewsroomPresenter {
  constructor(
    private readonly views: ArticleViews,
    private readonly livePage: LivePagePresenter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  index() {
    const blogs = this.views.list().sort((a, b) => Number(b.status === 'live') - Number(a.status === 'live'));
    const page: PageHead = {
      title: 'Newsroom',
      description: 'Open and edit live pages.',
      stylesheets: NEWSROOM_STYLES,
      scripts: ['/assets/js/newsroom.js'],
    };
    return { page, blogs, timeZones: COMMON_TIME_ZONES, now: this.clock.now().toISOString(), fmt: pageHelpers };
  }

  /** The reader's page model (the same article partial and live script) with the editing tools' data. */
  console(id: string, blog: OpenedBlog, url: string) {
    const reader = this.livePage.present(id, blog, { url });
    const page: PageHead = {
      title: `Console: ${blog.title}`,
      stylesheets: NEWSROOM_STYLES,
      scripts: CONSOLE_SCRIPTS,
    };
    return {
      ...reader,
      page,
      figures: currentFigures(blog),
      kinds: UPDATE_KINDS,
      qualifiers: FIGURE_QUALIFIERS,
      now: this.clock.now().toISOString(),
      scheduled: scheduledList(id, blog).scheduled,
      submissions: submissionsList(id, blog, 'pending').submissions,
    };
  }
}

/** The casualty figures as last revised, with who revised them (editors see the author; readers do not). */
function currentFigures(blog: OpenedBlog) {
  const last = blog.casualtyHistory.at(-1);
  if (!last) return null;
  return { ...last, setBy: last.author.name, words: pageHelpers.casualtyWords(last) };
}
