-- The Insights oracle's site: load it AFTER wordpress-6.1-site.sql (which gives the users,
-- their roles and the JWT key). It changes the site to America/Chicago (UTC-6 in winter,
-- -5 in summer; DST ended 2026-11-01) with weeks starting on Saturday (start_of_week 6),
-- adds {p}posts, and replaces the conversation log with sessions built for the traps of
-- design/insights.md section 5: midnight, month, quarter, year and Saturday-week
-- boundaries; pauses of 29:59, 30:00 and 30:01; conversations opened in one window and
-- continued in the next; a mid-chat login; several sessions of one user; Chatbot-only
-- sessions; token rows as ' 42 ' and 'total_tokens: 42'; NULL and 0 sentiment; fallbacks
-- with U+2019 and in capitals; one question in several spellings; page ids '0', 'abc',
-- NULL and one without a post; an assistant renamed over time and an empty assistant_id;
-- row ids that are not in time order (a fixed shuffle), except where a same-second pair
-- needs a given order (ids otherwise follow time in shuffled blocks of 8, so a purge of
-- old rows removes the lowest ids, as on a real site). The oracle test
-- (api/insights_oracle_test.go) mostly puts "now" at 2026-12-16 19:30:00.7 site time
-- (01:30 UTC on the 17th); also at 2026-12-12 00:00 (a week's first second), 2026-12-31
-- 19:30 (November shorter than December's elapsed part) and 2025-03-01 12:00 (a year's
-- previous_to_date ending on the leap day 2024-02-29). Every session is named after its
-- trap in the comment above its rows.
/*!40101 SET NAMES utf8mb4 */;
UPDATE `wp_options` SET `option_value` = 'America/Chicago' WHERE `option_name` = 'timezone_string';
UPDATE `wp_options` SET `option_value` = '-6' WHERE `option_name` = 'gmt_offset';
UPDATE `wp_options` SET `option_value` = '6' WHERE `option_name` = 'start_of_week';

DROP TABLE IF EXISTS `wp_posts`;
CREATE TABLE `wp_posts` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_author` bigint(20) unsigned NOT NULL DEFAULT 0,
  `post_date` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_date_gmt` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_content` longtext NOT NULL,
  `post_title` text NOT NULL,
  `post_excerpt` text NOT NULL,
  `post_status` varchar(20) NOT NULL DEFAULT 'publish',
  `comment_status` varchar(20) NOT NULL DEFAULT 'open',
  `ping_status` varchar(20) NOT NULL DEFAULT 'open',
  `post_password` varchar(255) NOT NULL DEFAULT '',
  `post_name` varchar(200) NOT NULL DEFAULT '',
  `to_ping` text NOT NULL,
  `pinged` text NOT NULL,
  `post_modified` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_modified_gmt` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_content_filtered` longtext NOT NULL,
  `post_parent` bigint(20) unsigned NOT NULL DEFAULT 0,
  `guid` varchar(255) NOT NULL DEFAULT '',
  `menu_order` int(11) NOT NULL DEFAULT 0,
  `post_type` varchar(20) NOT NULL DEFAULT 'post',
  `post_mime_type` varchar(100) NOT NULL DEFAULT '',
  `comment_count` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`ID`),
  KEY `post_name` (`post_name`(191)),
  KEY `type_status_date` (`post_type`,`post_status`,`post_date`,`ID`),
  KEY `post_parent` (`post_parent`),
  KEY `post_author` (`post_author`)
) ENGINE=InnoDB AUTO_INCREMENT=12 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Pages 2 and 9 are posts (url ?p=N), 5 and 10 are pages (url ?page_id=N); 99 has no post.
INSERT INTO `wp_posts` VALUES
(2,1,'2026-06-01 10:00:00','2026-06-01 15:00:00','','Shipping FAQ','','publish','open','open','','shipping-faq','','','2026-06-01 10:00:00','2026-06-01 15:00:00','',0,'http://127.0.0.1:8088/?p=2',0,'post','',0),
(5,1,'2026-06-01 10:00:00','2026-06-01 15:00:00','','Contact “us”','','publish','closed','closed','','contact','','','2026-06-01 10:00:00','2026-06-01 15:00:00','',0,'http://127.0.0.1:8088/?page_id=5',0,'page','',0),
(9,1,'2026-06-01 10:00:00','2026-06-01 15:00:00','','Mugs & Cups','','publish','open','open','','mugs','','','2026-06-01 10:00:00','2026-06-01 15:00:00','',0,'http://127.0.0.1:8088/?p=9',0,'post','',0),
(10,1,'2026-06-01 10:00:00','2026-06-01 15:00:00','','Returns','','publish','closed','closed','','returns','','','2026-06-01 10:00:00','2026-06-01 15:00:00','',0,'http://127.0.0.1:8088/?page_id=10',0,'page','',0),
(11,1,'2026-06-01 10:00:00','2026-06-01 15:00:00','','mug.jpg','','inherit','open','closed','','mug-jpg','','','2026-06-01 10:00:00','2026-06-01 15:00:00','',9,'http://127.0.0.1:8088/wp-content/uploads/mug.jpg',0,'attachment','image/jpeg',0);

DROP TABLE IF EXISTS `wp_chatbot_chatgpt_conversation_log`;
CREATE TABLE `wp_chatbot_chatgpt_conversation_log` (
  `id` mediumint(9) NOT NULL AUTO_INCREMENT,
  `session_id` varchar(255) NOT NULL,
  `user_id` varchar(255) DEFAULT NULL,
  `page_id` varchar(255) DEFAULT NULL,
  `interaction_time` datetime NOT NULL,
  `user_type` enum('Chatbot','Visitor','Prompt Tokens','Completion Tokens','Total Tokens') NOT NULL,
  `thread_id` varchar(255) DEFAULT NULL,
  `assistant_id` varchar(255) DEFAULT NULL,
  `assistant_name` varchar(255) DEFAULT NULL,
  `message_text` text NOT NULL,
  `sentiment_score` float DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `session_id_index` (`session_id`),
  KEY `user_id_index` (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Columns: id, session_id, user_id, page_id, interaction_time (site-local), user_type,
-- thread_id, assistant_id, assistant_name, message_text, sentiment_score.

INSERT INTO `wp_chatbot_chatgpt_conversation_log` VALUES
-- leap-in: leap day morning: inside the year previous_to_date at 2025-03-01 12:00
(4,'leap-in','0','2','2024-02-29 11:00:00','Visitor','','','','leap day morning',0.5),
(2,'leap-in','0',NULL,'2024-02-29 11:00:05','Chatbot','','','','A leap day answer.',0),
-- leap-out: leap day afternoon: outside it
(1,'leap-out','0','2','2024-02-29 13:00:00','Visitor','','','','leap day afternoon',-0.5),
(7,'leap-out','0',NULL,'2024-02-29 13:00:05','Chatbot','','','','Another leap day answer.',0),
-- mar-2024: the first of March 2024: outside it
(5,'mar-2024','0',NULL,'2024-03-01 00:30:00','Visitor','','','','first of march 2024',0.25),
(6,'mar-2024','0',NULL,'2024-03-01 00:30:05','Chatbot','','','','A March 2024 answer.',0),
-- jan-2025: January 2025
(3,'jan-2025','0','5','2025-01-15 10:00:00','Visitor','','','','january 2025',0.5),
(8,'jan-2025','0',NULL,'2025-01-15 10:00:05','Chatbot','','','','A January 2025 answer.',0),
-- feb-end-2025: February 28 -> March 1 2025: a February conversation
(10,'feb-end-2025','0',NULL,'2025-02-28 23:59:00','Visitor','','','','last minute of february',0),
(16,'feb-end-2025','0',NULL,'2025-03-01 00:00:30','Chatbot','','','','Could you rephrase?',0),
-- mar-1-2025: starts a minute into March 2025
(13,'mar-1-2025','0','9','2025-03-01 00:01:00','Visitor','','','','first minute of march',0.25),
(14,'mar-1-2025','0',NULL,'2025-03-01 00:01:10','Chatbot','','','','A March 2025 answer.',0),
-- y25-a: March 2025: year previous and previous_to_date
(15,'y25-a','0','2','2025-03-10 12:00:00','Visitor','','','','march 2025 question',0.5),
(12,'y25-a','0',NULL,'2025-03-10 12:00:04','Chatbot','','','','A March answer.',0),
(11,'y25-a','0',NULL,'2025-03-10 12:00:05','Prompt Tokens','','','','100',0),
(9,'y25-a','0',NULL,'2025-03-10 12:00:05','Completion Tokens','','','','200',0),
(19,'y25-a','0',NULL,'2025-03-10 12:00:05','Total Tokens','','','','300',0),
-- y25-b: after the year previous_to_date cut (2025-12-16 19:30): previous only
(24,'y25-b','0','2','2025-12-20 12:00:00','Visitor','','','','december 2025 question',-0.5),
(23,'y25-b','0',NULL,'2025-12-20 12:00:04','Chatbot','','','','A December answer.',0),
-- y25-c: New Year crossing: one conversation of 2025 (first message 23:59), its reply in 2026
(20,'y25-c','0','5','2025-12-31 23:59:00','Visitor','','','','new years eve question',0),
(18,'y25-c','0',NULL,'2026-01-01 00:01:00','Chatbot','','','','Happy new year!',0),
-- y26-jan: starts a minute after the year begins
(21,'y26-jan','0','5','2026-01-01 00:01:00','Visitor','','','','new year question',0.25),
(22,'y26-jan','0',NULL,'2026-01-01 00:01:05','Chatbot','','','','A January answer.',0),
-- q2-end: June 30 -> July 1 crossing: a conversation of Q2; its July messages count in Q3
(17,'q2-end','0',NULL,'2026-06-30 23:50:00','Visitor','','','','june end question',0.5),
(27,'q2-end','0',NULL,'2026-06-30 23:50:05','Chatbot','','','','A June answer.',0),
(31,'q2-end','0',NULL,'2026-07-01 00:10:00','Visitor','','','','into july question',0.5),
(29,'q2-end','0',NULL,'2026-07-01 00:10:05','Chatbot','','','','A July answer.',0),
-- q3-a: first second of Q3
(28,'q3-a','0','9','2026-07-01 00:00:00','Visitor','','','','first second of july',0.5),
(32,'q3-a','0',NULL,'2026-07-01 00:00:05','Chatbot','','','','Hello July.',0),
-- q3-b: just before the quarter previous_to_date cut 09-15 19:30 (wall clock)
(25,'q3-b','0','9','2026-09-15 19:29:00','Visitor','','','','september edge question',0),
(26,'q3-b','0',NULL,'2026-09-15 19:29:10','Chatbot','','','','An edge answer.',0),
-- q3-c: between the wall-clock cut (19:30) and the elapsed-real-time cut (20:30; Nov 1 DST change): outside previous_to_date
(30,'q3-c','0',NULL,'2026-09-15 20:00:00','Visitor','','','','after the wall clock cut',0),
(34,'q3-c','0',NULL,'2026-09-15 20:00:05','Chatbot','','','','A late answer.',0),
-- q3-d: last second of Q3, reply in Q4: a Q3 conversation
(36,'q3-d','0',NULL,'2026-09-30 23:59:59','Visitor','','','','last second of september',0),
(35,'q3-d','0',NULL,'2026-10-01 00:00:03','Chatbot','','','','An October reply.',0),
-- oct-cross: Oct 31 -> Nov 1: a conversation of October (current quarter), not of November
(48,'oct-cross','0',NULL,'2026-10-31 23:50:00','Visitor','','','','halloween question',0),
(45,'oct-cross','0',NULL,'2026-10-31 23:50:03','Chatbot','','','','Boo.',0),
(47,'oct-cross','0',NULL,'2026-11-01 00:10:00','Visitor','','','','still there?',0),
(44,'oct-cross','0',NULL,'2026-11-01 00:10:02','Chatbot','','','','Yes.',0),
-- oct-chain: a chain longer than one gap reaching back before November: one October conversation
(37,'oct-chain','0',NULL,'2026-10-31 23:00:00','Visitor','thread_oct-chain','asst_B','Sales','chain one',0.25),
(38,'oct-chain','0',NULL,'2026-10-31 23:00:05','Chatbot','thread_oct-chain','asst_B','Sales','Chain reply one.',0),
(33,'oct-chain','0',NULL,'2026-10-31 23:20:00','Visitor','thread_oct-chain','asst_B','Sales','chain two',0.25),
(40,'oct-chain','0',NULL,'2026-10-31 23:20:05','Chatbot','thread_oct-chain','asst_B','Sales','Chain reply two.',0),
(39,'oct-chain','0',NULL,'2026-10-31 23:40:00','Visitor','thread_oct-chain','asst_B','Sales','chain three',0.25),
(43,'oct-chain','0',NULL,'2026-10-31 23:40:05','Chatbot','thread_oct-chain','asst_B','Sales','Chain reply three.',0),
(46,'oct-chain','0',NULL,'2026-11-01 00:00:00','Visitor','thread_oct-chain','asst_B','Sales','chain four',0.25),
(41,'oct-chain','0',NULL,'2026-11-01 00:00:04','Chatbot','thread_oct-chain','asst_B','Sales','Chain reply four.',0),
(42,'oct-chain','0',NULL,'2026-11-01 00:19:00','Visitor','thread_oct-chain','asst_B','Sales','chain five',0.25),
(52,'oct-chain','0',NULL,'2026-11-01 00:19:03','Chatbot','thread_oct-chain','asst_B','Sales','Chain reply five.',0),
-- nov-a: November, with a fallback (previous month)
(55,'nov-a','0','2','2026-11-03 10:00:00','Visitor','thread_nov-a','asst_A','Helper','november question',0.5),
(56,'nov-a','0',NULL,'2026-11-03 10:00:05','Chatbot','thread_nov-a','asst_A','Helper','Could you rephrase?',0),
(50,'nov-a','0','2','2026-11-03 10:01:00','Visitor','thread_nov-a','asst_A','Helper','november question again',0.5),
(53,'nov-a','0',NULL,'2026-11-03 10:01:04','Chatbot','thread_nov-a','asst_A','Helper','Here you go.',0),
(49,'nov-a','0',NULL,'2026-11-03 10:01:05','Prompt Tokens','thread_nov-a','asst_A','Helper','40',0),
(54,'nov-a','0',NULL,'2026-11-03 10:01:05','Completion Tokens','thread_nov-a','asst_A','Helper','60',0),
(51,'nov-a','0',NULL,'2026-11-03 10:01:05','Total Tokens','thread_nov-a','asst_A','Helper','100',0),
-- nov-b: user 7 in November, three visitor messages (engaged)
(57,'nov-b','7','5','2026-11-10 14:00:00','Visitor','thread_nov-b','asst_A','Helper','user seven in november',0.25),
(59,'nov-b','7',NULL,'2026-11-10 14:00:05','Chatbot','thread_nov-b','asst_A','Helper','Noted.',0),
(58,'nov-b','7','5','2026-11-10 14:02:00','Visitor','thread_nov-b','asst_A','Helper','second november turn',0.25),
(62,'nov-b','7',NULL,'2026-11-10 14:02:05','Chatbot','thread_nov-b','asst_A','Helper','Noted again.',0),
(64,'nov-b','7','5','2026-11-10 14:04:00','Visitor','thread_nov-b','asst_A','Helper','third november turn',-0.25),
(60,'nov-b','7',NULL,'2026-11-10 14:04:05','Chatbot','thread_nov-b','asst_A','Helper','Done.',0),
(61,'nov-b','7',NULL,'2026-11-10 14:04:06','Prompt Tokens','','','','70',0),
(63,'nov-b','7',NULL,'2026-11-10 14:04:06','Completion Tokens','','','','30',0),
(69,'nov-b','7',NULL,'2026-11-10 14:04:06','Total Tokens','','','','total_tokens: 100',0),
-- nov-c: a second before the month previous_to_date cut (11-16 19:30): inside it, reply after it
(68,'nov-c','0',NULL,'2026-11-16 19:29:59','Visitor','','','','mid november edge',0),
(72,'nov-c','0',NULL,'2026-11-16 19:30:30','Chatbot','','','','An edge reply.',0),
-- nov-d: exactly at the month previous_to_date cut: outside it (half-open)
(67,'nov-d','0',NULL,'2026-11-16 19:30:00','Visitor','','','','mid november after the cut',0),
(66,'nov-d','0',NULL,'2026-11-16 19:30:05','Chatbot','','','','After the cut.',0),
-- nov-e: late November, legacy "total_tokens: N" text
(71,'nov-e','0','10','2026-11-20 10:00:00','Visitor','','','','late november question',0.5),
(70,'nov-e','0',NULL,'2026-11-20 10:00:04','Chatbot','','','','A late November answer.',0),
(65,'nov-e','0',NULL,'2026-11-20 10:00:05','Prompt Tokens','','','','total_tokens: 11',0),
(77,'nov-e','0',NULL,'2026-11-20 10:00:05','Completion Tokens','','','',' 22 ',0),
(74,'nov-e','0',NULL,'2026-11-20 10:00:05','Total Tokens','','','','33',0),
-- mb-a: ends a minute before the month (and day) boundary
(76,'mb-a','0','9','2026-11-30 23:58:00','Visitor','','','','end of month question',0),
(80,'mb-a','0',NULL,'2026-11-30 23:59:00','Chatbot','','','','End of month answer.',0),
-- mb-c: Nov 30 23:40 -> Dec 1 00:20: one November conversation, two of its visitor messages in December
(73,'mb-c','0','10','2026-11-30 23:40:00','Visitor','','','','spanning months',0.25),
(79,'mb-c','0',NULL,'2026-11-30 23:40:05','Chatbot','','','','Spanning reply.',0),
(85,'mb-c','0','10','2026-12-01 00:05:00','Visitor','','','','still spanning',0.25),
(88,'mb-c','0',NULL,'2026-12-01 00:05:04','Chatbot','','','','Still here.',0),
(81,'mb-c','0','9','2026-12-01 00:20:00','Visitor','','','','last span',0.25),
(82,'mb-c','0',NULL,'2026-12-01 00:20:02','Chatbot','','','','Bye.',0),
-- mb-b: starts a minute after the month boundary
(75,'mb-b','0','2','2026-12-01 00:01:00','Visitor','','','','first of december',0),
(78,'mb-b','0',NULL,'2026-12-01 00:01:30','Chatbot','','','','Hello December.',0),
-- dec-2: early December; asst_A still called Helper (its row ids are the highest: ids are no clock)
(234,'dec-2','0','2','2026-12-02 10:00:00','Visitor','thread_dec-2','asst_A','Helper','december two question',0.5),
(233,'dec-2','0',NULL,'2026-12-02 10:00:05','Chatbot','thread_dec-2','asst_A','Helper','An early December answer.',0),
(83,'dec-2','0',NULL,'2026-12-02 10:00:06','Prompt Tokens','thread_dec-2','asst_A','Helper','10',0),
(84,'dec-2','0',NULL,'2026-12-02 10:00:06','Completion Tokens','thread_dec-2','asst_A','Helper','20',0),
(94,'dec-2','0',NULL,'2026-12-02 10:00:06','Total Tokens','thread_dec-2','asst_A','Helper','30',0),
-- dec-8: a December fallback outside the current week, its question with a tab and a newline: the month list counts it, the today list does not
(90,'dec-8','0','10','2026-12-08 16:00:00','Visitor','','','','where is\tMY\norder?',0),
(96,'dec-8','0',NULL,'2026-12-08 16:00:04','Chatbot','','','','I’m not following.',0),
-- wk-prev-sun: Sunday 12-06: inside the previous week and its previous_to_date
(92,'wk-prev-sun','0','5','2026-12-06 12:00:00','Visitor','','','','early week question',0.75),
(91,'wk-prev-sun','0',NULL,'2026-12-06 12:00:05','Chatbot','','','','An early week answer.',0),
-- wk-wed-in: a second before the week previous_to_date cut
(93,'wk-wed-in','0',NULL,'2026-12-09 19:29:59','Visitor','','','','wednesday edge',0),
(95,'wk-wed-in','0',NULL,'2026-12-09 19:30:04','Chatbot','','','','A Wednesday reply.',0),
-- wk-wed-out: exactly at the week previous_to_date cut: outside
(89,'wk-wed-out','0',NULL,'2026-12-09 19:30:00','Visitor','','','','wednesday past the cut',0),
(102,'wk-wed-out','0',NULL,'2026-12-09 19:30:06','Chatbot','','','','Another Wednesday reply.',0),
-- wk-prev-thu: Thursday 12-10: previous week only
(103,'wk-prev-thu','7','2','2026-12-10 10:00:00','Visitor','','','','thursday question',0),
(99,'wk-prev-thu','7',NULL,'2026-12-10 10:00:05','Chatbot','','','','A Thursday answer.',0),
-- wk-fri: Friday 23:59: the last minute of the previous week (week starts Saturday here)
(104,'wk-fri','0','9','2026-12-11 23:59:30','Visitor','','','','friday night question',0.5),
(101,'wk-fri','0',NULL,'2026-12-11 23:59:40','Chatbot','','','','A Friday answer.',0),
-- wk-sat: Saturday 00:00:30: the first minute of the current week
(98,'wk-sat','0','9','2026-12-12 00:00:30','Visitor','','','','saturday question',0.5),
(100,'wk-sat','0',NULL,'2026-12-12 00:00:35','Chatbot','','','','A Saturday answer.',0),
-- u7-sun: user 7 again, Sunday
(97,'u7-sun','7','2','2026-12-13 10:00:00','Visitor','','','','sunday question from user seven',0),
(108,'u7-sun','7',NULL,'2026-12-13 10:00:10','Chatbot','','','','A Sunday answer.',0),
-- many-q: three unanswered questions on Monday: the month list has more than the default limit of 10
(111,'many-q','0',NULL,'2026-12-14 11:00:00','Visitor','','','','question one of three',0),
(112,'many-q','0',NULL,'2026-12-14 11:00:02','Chatbot','','','','Could you rephrase?',0),
(110,'many-q','0',NULL,'2026-12-14 11:01:00','Visitor','','','','question two of three',0),
(105,'many-q','0',NULL,'2026-12-14 11:01:02','Chatbot','','','','Could you rephrase?',0),
(107,'many-q','0',NULL,'2026-12-14 11:02:00','Visitor','','','','question three of three',0),
(119,'many-q','0',NULL,'2026-12-14 11:02:02','Chatbot','','','','I’m not following.',0),
(118,'many-q','0',NULL,'2026-12-14 11:03:00','Visitor','','','','ÜBER UNS?',0),
(114,'many-q','0',NULL,'2026-12-14 11:03:02','Chatbot','','','','Could you rephrase?',0),
(116,'many-q','0',NULL,'2026-12-14 11:04:00','Visitor','','','','über uns?',0),
(113,'many-q','0',NULL,'2026-12-14 11:04:02','Chatbot','','','','could you rephrase?',0),
-- u7-mon: user 7 again, Monday
(109,'u7-mon','7','5','2026-12-14 09:00:00','Visitor','','','','monday question',0),
(106,'u7-mon','7',NULL,'2026-12-14 09:00:03','Chatbot','','','','A Monday answer.',0),
-- y-early: yesterday morning
(117,'y-early','0','2','2026-12-15 09:00:00','Visitor','','','','yesterday morning question',0.5),
(115,'y-early','0',NULL,'2026-12-15 09:00:05','Chatbot','','','','A morning answer.',0.5),
(120,'y-early','0',NULL,'2026-12-15 09:00:06','Prompt Tokens','','','','9',0),
(122,'y-early','0',NULL,'2026-12-15 09:00:06','Completion Tokens','','','','9',0),
(127,'y-early','0',NULL,'2026-12-15 09:00:06','Total Tokens','','','','18',0),
-- y-straddle: starts before the today previous_to_date cut (19:30), ends after it
(121,'y-straddle','0','5','2026-12-15 19:29:00','Visitor','','','','straddle question',0.25),
(125,'y-straddle','0',NULL,'2026-12-15 19:29:30','Chatbot','','','','A straddling answer.',0),
(123,'y-straddle','0','5','2026-12-15 19:31:00','Visitor','','','','straddle follow up',0.25),
(126,'y-straddle','0',NULL,'2026-12-15 19:31:04','Chatbot','','','','Done.',0),
-- y-at-cut: exactly at the today previous_to_date cut: outside it
(128,'y-at-cut','0',NULL,'2026-12-15 19:30:00','Visitor','','','','exactly at the cut',0),
(124,'y-at-cut','0',NULL,'2026-12-15 19:30:02','Chatbot','','','','At the cut.',0),
-- login-x: anonymous yesterday (s: key), logged in as 5 today (u: key): two conversations
(132,'login-x','0',NULL,'2026-12-15 22:00:00','Visitor','','','','hello from yesterday',0),
(129,'login-x','0',NULL,'2026-12-15 22:00:03','Chatbot','','','','Hello!',0),
(168,'login-x','5','5','2026-12-16 07:00:00','Visitor','','','','back again logged in',0.5),
(167,'login-x','5',NULL,'2026-12-16 07:00:04','Chatbot','','','','Welcome back.',0),
-- mid-a: ends a minute before midnight
(134,'mid-a','0',NULL,'2026-12-15 23:45:00','Visitor','','','','late night question',0),
(135,'mid-a','0',NULL,'2026-12-15 23:45:10','Chatbot','','','','A late answer.',0),
(144,'mid-a','0',NULL,'2026-12-15 23:59:00','Visitor','','','','last one before midnight',-0.25),
(141,'mid-a','0',NULL,'2026-12-15 23:59:05','Chatbot','','','','Good night.',0),
-- mid-c: crosses midnight: a conversation of yesterday with a visitor message today
(130,'mid-c','0','5','2026-12-15 23:50:00','Visitor','','','','what are your hours?',0.25),
(131,'mid-c','0',NULL,'2026-12-15 23:50:04','Chatbot','','','','We open at 9.',0),
(133,'mid-c','0',NULL,'2026-12-15 23:50:05','Prompt Tokens','','','',' 42 ',0),
(136,'mid-c','0',NULL,'2026-12-15 23:50:05','Completion Tokens','','','','8',0),
(140,'mid-c','0',NULL,'2026-12-15 23:50:05','Total Tokens','','','','50',0),
(159,'mid-c','0','5','2026-12-16 00:10:00','Visitor','','','','and on sundays?',-0.5),
(155,'mid-c','0',NULL,'2026-12-16 00:10:03','Chatbot','','','','Closed on Sundays.',NULL),
(160,'mid-c','0',NULL,'2026-12-16 00:10:04','Prompt Tokens','','','','10',NULL),
(156,'mid-c','0',NULL,'2026-12-16 00:10:04','Completion Tokens','','','','5',NULL),
(154,'mid-c','0',NULL,'2026-12-16 00:10:04','Total Tokens','','','','15',NULL),
-- greet-mid: a greeting (Chatbot) at 23:55 opens the conversation: it belongs to yesterday
(142,'greet-mid',NULL,NULL,'2026-12-15 23:55:00','Chatbot','','','','Hi! Ask me anything.',0),
(149,'greet-mid',NULL,NULL,'2026-12-16 00:05:00','Visitor','','','','is shipping free?',0),
(148,'greet-mid',NULL,NULL,'2026-12-16 00:05:05','Chatbot','','','','Shipping is free over $50.',0),
-- y-fb-mid: yesterday's question, today's fallback: today's unanswered list has it
(138,'y-fb-mid','0','9','2026-12-15 23:59:50','Visitor','','','','question before midnight',0),
(143,'y-fb-mid','0',NULL,'2026-12-16 00:00:10','Chatbot','','','','Could you rephrase that?',0),
(139,'y-fb-mid','0',NULL,'2026-12-16 00:00:11','Prompt Tokens','','','','15',0),
(137,'y-fb-mid','0',NULL,'2026-12-16 00:00:11','Completion Tokens','','','','25',0),
(151,'y-fb-mid','0',NULL,'2026-12-16 00:00:11','Total Tokens','','','','40',0),
-- mid-b: starts a minute after midnight
(152,'mid-b','0','2','2026-12-16 00:01:00','Visitor','thread_mid-b','asst_A','Helper v2','Do you ship to Canada?',0.5),
(150,'mid-b','0','2','2026-12-16 00:01:07','Chatbot','thread_mid-b','asst_A','Helper v2','Yes, we ship to Canada.',0.25),
(146,'mid-b','0',NULL,'2026-12-16 00:01:08','Prompt Tokens','thread_mid-b','asst_A','Helper v2','30',0),
(147,'mid-b','0',NULL,'2026-12-16 00:01:08','Completion Tokens','thread_mid-b','asst_A','Helper v2','12',0),
(145,'mid-b','0',NULL,'2026-12-16 00:01:08','Total Tokens','thread_mid-b','asst_A','Helper v2','42',0),
-- bot-first: a Chatbot greeting then the visitor 10 minutes later: 605 s
(153,'bot-first','0',NULL,'2026-12-16 04:00:00','Chatbot','thread_bot-first','asst_C','','Need help?',0),
(158,'bot-first','0',NULL,'2026-12-16 04:10:00','Visitor','thread_bot-first','asst_C','','yes please',0.25),
(157,'bot-first','0',NULL,'2026-12-16 04:10:05','Chatbot','thread_bot-first','asst_C','','Sure.',0),
-- bot-only: Chatbot only: no conversation; its fallback has no question
(163,'bot-only','0',NULL,'2026-12-16 06:00:00','Chatbot','','','','Welcome back!',0),
(161,'bot-only','0',NULL,'2026-12-16 06:00:30','Chatbot','','','','Could you rephrase that?',NULL),
-- gap-under: 29:59 between messages: one conversation
(162,'gap-under','0','2','2026-12-16 08:00:00','Visitor','thread_gap-under','asst_A','Helper v2','track my parcel',NULL),
(164,'gap-under','0',NULL,'2026-12-16 08:00:03','Chatbot','thread_gap-under','asst_A','Helper v2','Here is the tracking link.',0),
(166,'gap-under','0','2','2026-12-16 08:30:02','Visitor','thread_gap-under','asst_A','Helper v2','thanks, and the invoice?',0.75),
(165,'gap-under','0',NULL,'2026-12-16 08:30:05','Chatbot','thread_gap-under','asst_A','Helper v2','The invoice is attached.',0),
-- gap-exact: exactly 30:00: not more than the gap, one conversation
(169,'gap-exact','0','9','2026-12-16 09:00:00','Visitor','','','','opening hours today?',0),
(174,'gap-exact','0',NULL,'2026-12-16 09:00:02','Chatbot','','','','We close at 6.',0),
(175,'gap-exact','0','9','2026-12-16 09:30:02','Visitor','','','','and tomorrow?',0),
(170,'gap-exact','0',NULL,'2026-12-16 09:30:04','Chatbot','','','','Tomorrow too.',0),
-- neg-user: user_id '-3' is no positive whole number: an s: key; page 99 has no post
(172,'neg-user','-3','99','2026-12-16 09:45:00','Visitor','','','','is this a user?',-1),
(176,'neg-user','-3',NULL,'2026-12-16 09:45:02','Chatbot','','','','No.',0),
-- two-users: users 8 then 9 in one session: two u: keys; 304 s (engaged)
(171,'two-users','8','10','2026-12-16 10:00:00','Visitor','','','','kiosk question one',0.125),
(173,'two-users','8',NULL,'2026-12-16 10:00:05','Chatbot','','','','Answer one.',0),
(179,'two-users','9','10','2026-12-16 10:05:00','Visitor','','','','kiosk question two',0.125),
(178,'two-users','9',NULL,'2026-12-16 10:05:04','Chatbot','','','','Answer two.',0),
-- gap-over: 30:01: two conversations; token rows inside the pause do not bridge it
(180,'gap-over','0','10','2026-12-16 11:00:00','Visitor','thread_gap-over','asst_B','Sales','price of the blue mug?',0.5),
(184,'gap-over','0',NULL,'2026-12-16 11:00:02','Chatbot','thread_gap-over','asst_B','Sales','It costs $12.',0),
(183,'gap-over','0',NULL,'2026-12-16 11:15:00','Prompt Tokens','thread_gap-over','asst_B','Sales','20',0),
(182,'gap-over','0',NULL,'2026-12-16 11:15:00','Completion Tokens','thread_gap-over','asst_B','Sales','10',0),
(177,'gap-over','0',NULL,'2026-12-16 11:15:00','Total Tokens','thread_gap-over','asst_B','Sales','30',0),
(181,'gap-over','0','10','2026-12-16 11:30:03','Visitor','thread_gap-over','asst_B','Sales','do you have it in red?',0.5),
(187,'gap-over','0',NULL,'2026-12-16 11:30:05','Chatbot','thread_gap-over','asst_B','Sales','Sorry, could you rephrase that?',0),
-- login-7: logs in mid-chat (user 0, then 7): one visitor u:7; a ’ fallback
(185,'login-7','0','5','2026-12-16 12:00:00','Visitor','thread_login-7','asst_A','Helper v2','can I change my address?',0.25),
(189,'login-7','0',NULL,'2026-12-16 12:00:04','Chatbot','thread_login-7','asst_A','Helper v2','Please log in first.',0),
(188,'login-7','7','5','2026-12-16 12:03:00','Visitor','thread_login-7','asst_A','Helper v2','I logged in, now what?',0.5),
(190,'login-7','7',NULL,'2026-12-16 12:03:05','Chatbot','thread_login-7','asst_A','Helper v2','I’m not following, which order?',0),
(192,'login-7','7','5','2026-12-16 12:04:00','Visitor','thread_login-7','asst_A','Helper v2','order 1234',0),
(186,'login-7','7',NULL,'2026-12-16 12:04:06','Chatbot','thread_login-7','asst_A','','Address updated.',0),
-- u7-other: user 7 again; fallbacks in capitals and plain
(191,'u7-other','7','9','2026-12-16 13:00:00','Visitor','thread_u7-other','asst_B','Sales','WHERE IS MY ORDER?',-0.25),
(194,'u7-other','7',NULL,'2026-12-16 13:00:05','Chatbot','thread_u7-other','asst_B','Sales','COULD YOU REPHRASE THE QUESTION?',0),
(198,'u7-other','7','9','2026-12-16 13:00:40','Visitor','thread_u7-other','asst_B','Sales','  where is   my order? ',-0.25),
(195,'u7-other','7',NULL,'2026-12-16 13:00:45','Chatbot','thread_u7-other','asst_B','Sales','Hmm, I\'m not following.',0),
-- anon-order: page 'abc'; the same question, two fallbacks: counted once
(200,'anon-order','0','abc','2026-12-16 14:00:00','Visitor','','','','Where is my order?',NULL),
(196,'anon-order','0',NULL,'2026-12-16 14:00:02','Chatbot','','','','Could you rephrase?',0),
(193,'anon-order','0',NULL,'2026-12-16 14:00:03','Chatbot','','','','I\'m not following.',0),
(199,'anon-order','0',NULL,'2026-12-16 14:00:04','Prompt Tokens','','','','5',0),
(197,'anon-order','0',NULL,'2026-12-16 14:00:04','Completion Tokens','','','','7',0),
(201,'anon-order','0',NULL,'2026-12-16 14:00:04','Total Tokens','','','','total_tokens: 42',0),
-- tie-sec: page '0'; a visitor message in the fallback's second but with a higher id comes after it
(204,'tie-sec','0','0','2026-12-16 14:30:00','Visitor','','','','first question here',0),
(203,'tie-sec','0','0','2026-12-16 14:30:10','Chatbot','','','','could you rephrase',0),
(206,'tie-sec','0','0','2026-12-16 14:30:10','Visitor','','','','second question here',0),
(205,'tie-sec','0','0','2026-12-16 14:30:20','Chatbot','','','','Thanks!',0),
-- tie-sec2: a visitor message in the fallback's second with a lower id comes before it
(202,'tie-sec2','0',NULL,'2026-12-16 14:40:00','Visitor','','','','an earlier question',0),
(207,'tie-sec2','0',NULL,'2026-12-16 14:40:05','Visitor','','','','same second question',0),
(208,'tie-sec2','0',NULL,'2026-12-16 14:40:05','Chatbot','','','','Sorry, I’m NOT following.',0),
-- formula: a question a spreadsheet would run
(213,'formula','0','5','2026-12-16 14:45:00','Visitor','','','','=1+1 equals?',0),
(216,'formula','0',NULL,'2026-12-16 14:45:03','Chatbot','','','','COULD YOU REPHRASE',0),
-- same-sec-a: two different questions in the same second: ordered by text
(212,'same-sec-a','0',NULL,'2026-12-16 14:50:00','Visitor','','','','zebra question',0),
(210,'same-sec-a','0',NULL,'2026-12-16 14:50:02','Chatbot','','','','could you rephrase, please?',0),
-- same-sec-b: two different questions in the same second: ordered by text
(215,'same-sec-b','0',NULL,'2026-12-16 14:50:00','Visitor','','','','apple question',0),
(214,'same-sec-b','0',NULL,'2026-12-16 14:50:02','Chatbot','','','','Could you rephrase, please?',0),
-- asst-empty: empty assistant_id: listed nowhere; an assistant on token rows only is none
(209,'asst-empty','0',NULL,'2026-12-16 15:00:00','Visitor','','','Ghost','empty assistant?',0),
(211,'asst-empty','0',NULL,'2026-12-16 15:00:01','Chatbot','','','Ghost','Yes.',0),
(224,'asst-empty','0',NULL,'2026-12-16 15:00:02','Prompt Tokens','thread_asst-empty','asst_tok','TokenOnly','5',0),
(222,'asst-empty','0',NULL,'2026-12-16 15:00:02','Completion Tokens','thread_asst-empty','asst_tok','TokenOnly','7',0),
(219,'asst-empty','0',NULL,'2026-12-16 15:00:02','Total Tokens','thread_asst-empty','asst_tok','TokenOnly','12',0),
-- visitor-says: the visitor writes a fallback phrase: not a fallback (only Chatbot messages are)
(217,'visitor-says','0',NULL,'2026-12-16 15:10:00','Visitor','','','','could you rephrase your last answer',0),
(220,'visitor-says','0',NULL,'2026-12-16 15:10:03','Chatbot','','','','Of course: we ship daily.',0),
-- login-reply: logs in between question and reply: the Chatbot row's user 12 makes it u:12; its page 9 is no Visitor page; asst_D rides on the reply only
(218,'login-reply','0',NULL,'2026-12-16 16:00:00','Visitor','','','','log me in please',0.5),
(221,'login-reply','12','9','2026-12-16 16:00:05','Chatbot','thread_login-reply','asst_D','Desk','Welcome, you are logged in.',0.5),
-- empty-msg: an empty Visitor message is still a message: a conversation of 3 s
(223,'empty-msg','0',NULL,'2026-12-16 17:00:00','Visitor','','','','',NULL),
(226,'empty-msg','0',NULL,'2026-12-16 17:00:03','Chatbot','','','','Your message arrived empty.',0),
-- late-fb: a fallback 40 minutes after the question: its own Chatbot-only piece, yet the question is still the latest Visitor message before it
(225,'late-fb','0',NULL,'2026-12-16 17:10:00','Visitor','','','','anyone there?',0),
(230,'late-fb','0',NULL,'2026-12-16 17:50:00','Chatbot','','','','Sorry, I’m not following.',0),
-- late-today: a few minutes before now, six minutes long (engaged)
(232,'late-today','0','2','2026-12-16 19:20:00','Visitor','thread_late-today','asst_A','Helper v2','evening question',0.5),
(229,'late-today','0',NULL,'2026-12-16 19:20:05','Chatbot','thread_late-today','asst_A','Helper v2','An evening answer.',0),
(231,'late-today','0','2','2026-12-16 19:26:00','Visitor','thread_late-today','asst_A','Helper v2','evening follow up',0.5),
(227,'late-today','0',NULL,'2026-12-16 19:26:03','Chatbot','thread_late-today','asst_A','Helper v2','Evening follow-up answer.',0.5),
(228,'late-today','0',NULL,'2026-12-16 19:26:04','Prompt Tokens','thread_late-today','asst_A','Helper v2','100',0),
(86,'late-today','0',NULL,'2026-12-16 19:26:04','Completion Tokens','thread_late-today','asst_A','Helper v2','50',0),
(87,'late-today','0',NULL,'2026-12-16 19:26:04','Total Tokens','thread_late-today','asst_A','Helper v2','150',0);
-- end of the Insights oracle's site

