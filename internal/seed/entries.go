package seed

import (
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// entryText builds one language's published version of a seed entry, the
// way pageText does for pages.
func entryText(lang, title, summary, body string, tags ...string) content.EntryText {
	return content.EntryText{
		Meta: content.Meta{
			Lang:              lang,
			Status:            content.StatusPublished,
			NeedsNativeReview: lang != "en",
		},
		Title:   title,
		Summary: summary,
		Body:    body,
		Tags:    tags,
	}
}

// eventText is entryText with the place an event takes place.
func eventText(lang, place, title, summary, body string, tags ...string) content.EntryText {
	t := entryText(lang, title, summary, body, tags...)
	t.Place = place
	return t
}

// bishkekTime is a wall-clock time in Bishkek (UTC+6, no daylight saving).
// Where the facts give only a month, a post is dated on its last day and
// its text names the month alone. Posts are dated at noon, so that the day
// stays the same in any time zone the site might be shown in.
func bishkekTime(year int, month time.Month, day, hour, minute int) time.Time {
	return time.Date(year, month, day, hour, minute, 0, 0, time.FixedZone("Asia/Bishkek", 6*3600))
}

func postDate(year int, month time.Month, day int) time.Time {
	return bishkekTime(year, month, day, 12, 0)
}

// sectionPages are the pages that list news, events and materials, and the
// search page.
func sectionPages() []content.Page {
	return []content.Page{
		{
			Key:      "news",
			Layout:   content.LayoutNews,
			Position: 4,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Новости",
					"Новости проекта «ДаткАйым»: как идёт работа, что уже сделано и что впереди.",
					`Здесь мы рассказываем о ходе проекта «ДаткАйым — Продвигаем гендерное равенство по-новому»: о встречах и консультациях, о работе Консультативного совета и о подготовке тренингов.

Новости можно просматривать по годам и по тегам.`),
				"ky": pageText("ky", "Жаңылыктар",
					"«ДаткАйым» долбоорунун жаңылыктары: иш кандай жүрүп жатат, эмне жасалды жана алдыда эмне күтүп турат.",
					`Бул бөлүмдө «ДаткАйым — Гендердик теңчиликке жаңыча жетишүү» долбоорунун жүрүшү тууралуу айтып беребиз: жолугушуулар жана консультациялар, Консультативдик кеңештин иши жана тренингдерге даярдык жөнүндө.

Жаңылыктарды жылдар жана тегдер боюнча карап чыгууга болот.`),
				"en": pageText("en", "News",
					"News from the HERo project: how the work is going, what has been done and what comes next.",
					`Here we report on the progress of “HERo — New narratives towards a gender equal society”: its meetings and consultations, the work of its Consultative Council and the preparation of its training.

You can browse the news by year and by tag.`),
			},
		},
		{
			Key:      "events",
			Layout:   content.LayoutEvents,
			Position: 5,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "События",
					"Встречи, консультации и другие мероприятия проекта «ДаткАйым».",
					`В этом разделе собраны мероприятия проекта — прошедшие и предстоящие: встречи, консультации, тренинги. Для каждого указаны даты и место проведения.`),
				"ky": pageText("ky", "Иш-чаралар",
					"«ДаткАйым» долбоорунун жолугушуулары, консультациялары жана башка иш-чаралары.",
					`Бул бөлүмдө долбоордун өткөн жана алдыдагы иш-чаралары чогултулган: жолугушуулар, консультациялар, тренингдер. Ар биринин күндөрү жана өтүүчү жери көрсөтүлөт.`),
				"en": pageText("en", "Events",
					"Meetings, consultations and other events of the HERo project.",
					`This section lists the project’s events, past and upcoming: meetings, consultations and training sessions. Each shows its dates and where it takes place.`),
			},
		},
		{
			Key:      "library",
			Layout:   content.LayoutLibrary,
			Position: 6,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Библиотека",
					"Учебные материалы, отчёты и видео проекта «ДаткАйым».",
					`В библиотеке собраны учебные материалы, отчёты и видеозаписи проекта. Их можно отобрать по теме, целевой группе, языку и году.`),
				"ky": pageText("ky", "Китепкана",
					"«ДаткАйым» долбоорунун окуу материалдары, отчеттору жана видеолору.",
					`Китепканада долбоордун окуу материалдары, отчеттору жана видеолору чогултулган. Аларды темасы, максаттуу тобу, тили жана жылы боюнча тандап алууга болот.`),
				"en": pageText("en", "Library",
					"Training materials, reports and videos of the HERo project.",
					`The library holds the project’s training materials, reports and videos. You can filter them by topic, target group, language and year.`),
			},
		},
		{
			Key:      "search",
			Layout:   content.LayoutSearch,
			Position: 7,
			InMenu:   false,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Поиск",
					"Поиск по сайту проекта «ДаткАйым».",
					`Введите слово или фразу, чтобы найти страницы, новости, события и материалы сайта.`),
				"ky": pageText("ky", "Издөө",
					"«ДаткАйым» долбоорунун сайтынан издөө.",
					`Сайттагы барактарды, жаңылыктарды, иш-чараларды жана материалдарды табуу үчүн сөз же сөз айкашын жазыңыз.`),
				"en": pageText("en", "Search",
					"Search the HERo website.",
					`Type a word or phrase to find pages, news, events and materials on this site.`),
			},
		},
	}
}

// entries are the project's milestones as news posts and events, written
// from the project's public facts. The tags are few and shared between
// posts, so that each tag's page lists several of them.
func entries() []content.Entry {
	return []content.Entry{
		{
			Key:  "project-launch",
			Type: content.EntryNews,
			Date: postDate(2019, time.November, 28),
			Texts: map[string]content.EntryText{
				"ru": entryText("ru", "Стартовая встреча в Бишкеке открыла проект «ДаткАйым»",
					"С 26 по 28 ноября 2019 года в Бишкеке прошла стартовая встреча проекта «ДаткАйым». Проект рассчитан на 36 месяцев и реализуется при финансовой поддержке Европейского союза.",
					`С 26 по 28 ноября 2019 года в Бишкеке прошла стартовая встреча, с которой начался проект «ДаткАйым — Продвигаем гендерное равенство по-новому». Проект рассчитан на 36 месяцев — с 2019 по 2022 год.

Его реализуют Общественное объединение «Агентство социальных технологий» (Кыргызская Республика) и Центр творческого развития «Данило Дольчи» (Италия). Финансирует проект Европейский союз — в рамках Европейского инструмента по вопросам демократии и прав человека, по линии Страновой схемы поддержки для Кыргызстана на 2018–2019 годы.

Цель проекта — содействовать переменам в глубоко укоренившихся патриархальных установках общества: остановить распространение гендерной и социальной дискриминации в образовании и средствах массовой информации и добиться того, чтобы на гендерную дискриминацию реагировали эффективно. Так проект вносит свой вклад в достижение Цели устойчивого развития 5 — гендерного равенства.`,
					"гендерное равенство", "Европейский союз"),
				"ky": entryText("ky", "«ДаткАйым» долбоору Бишкекте ишин баштады",
					"2019-жылдын 26–28-ноябрында Бишкекте «ДаткАйым» долбоорунун баштапкы жолугушуусу өттү. Долбоор Европа Биримдигинин каржылык колдоосу менен 36 ай бою ишке ашырылат.",
					`2019-жылдын 26–28-ноябрында Бишкекте өткөн баштапкы жолугушуу менен «ДаткАйым — Гендердик теңчиликке жаңыча жетишүү» долбоору башталды. Долбоор 36 айга, 2019–2022-жылдарга эсептелген.

Аны «Социалдык технологиялар агенттиги» коомдук бирикмеси (Кыргыз Республикасы) жана «Данило Дольчи» чыгармачылык өнүгүү борбору (Италия) Европа Биримдигинин каржылык колдоосу менен ишке ашырат. Долбоор Демократия жана адам укуктары боюнча Европалык инструменттин алкагында, Кыргызстан үчүн 2018–2019-жылдарга арналган Өлкөлүк колдоо схемасы боюнча каржыланат.

Долбоордун максаты — коомдо терең тамыр жайган патриархалдык көз караштардын өзгөрүшүнө көмөктөшүү: билим берүүдө жана жалпыга маалымдоо каражаттарында гендердик жана социалдык басмырлоонун жайылышын токтотуу жана гендердик басмырлоого каршы натыйжалуу чара көрүлүшүнө жетишүү. Ошентип долбоор Туруктуу өнүгүү максаттарынын бешинчисине — гендердик теңчиликке жетишүүгө салым кошот.`,
					"гендердик теңчилик", "Европа Биримдиги"),
				"en": entryText("en", "HERo gets under way in Bishkek",
					"The HERo project began with a kick-off meeting in Bishkek on 26–28 November 2019. It runs for 36 months with financial support from the European Union.",
					`A kick-off meeting in Bishkek on 26–28 November 2019 marked the start of “HERo — New narratives towards a gender equal society”. The project runs for 36 months, from 2019 to 2022.

It is implemented by the Public Association “Social Technologies Agency” (Kyrgyz Republic) and the Centre for Creative Development “Danilo Dolci” (Italy), with financial support from the European Union. The funding comes from the European Instrument for Democracy and Human Rights (EIDHR), under its Country Based Support Scheme for Kyrgyzstan 2018–2019.

The project sets out to help change deeply rooted patriarchal attitudes in society: to stop gender and social discrimination from spreading in education and the media, and to make sure that gender discrimination meets an effective response. This is its contribution to Sustainable Development Goal 5, gender equality.`,
					"gender equality", "European Union"),
			},
		},
		{
			Key:  "consultative-council",
			Type: content.EntryNews,
			Date: postDate(2019, time.December, 31),
			Texts: map[string]content.EntryText{
				"ru": entryText("ru", "У проекта появился Консультативный совет",
					"В первый же месяц работы проект сформировал Трансверсальный национальный совет — свой Консультативный совет, в который вошли представители шести целевых групп.",
					`Уже в первый месяц работы проекта «ДаткАйым» был создан Трансверсальный национальный совет. Он выполняет роль Консультативного совета проекта и объединяет тех, с кем проект работает ради гендерного равенства.

В Совет вошли представители шести целевых групп:

- сотрудники государственных органов, отвечающих за гендерные вопросы;
- правозащитные организации гражданского общества и НПО, работающие по гендерной тематике;
- религиозные организации и духовенство;
- эксперты в области образования;
- средства массовой информации;
- государственные служащие и сотрудники органов местного самоуправления.

Члены Совета затем приняли участие в фокус-группах, на которых определялись потребности каждой из сфер, с которыми работает проект.`,
					"Консультативный совет", "государственные органы", "гражданское общество"),
				"ky": entryText("ky", "Долбоордун Консультативдик кеңеши түзүлдү",
					"Долбоордун биринчи айында эле Трансверсалдык улуттук кеңеш — долбоордун Консультативдик кеңеши түзүлүп, анын курамына алты максаттуу топтун өкүлдөрү кирди.",
					`«ДаткАйым» долбоорунун биринчи айында эле Трансверсалдык улуттук кеңеш түзүлдү. Ал долбоордун Консультативдик кеңешинин милдетин аткарат жана гендердик теңчилик үчүн долбоор менен бирге иштеген тараптарды бириктирет.

Кеңештин курамына алты максаттуу топтун өкүлдөрү кирди:

- гендердик маселелерге жооптуу мамлекеттик органдардын кызматкерлери;
- гендердик маселелер менен алектенген укук коргоочу жарандык коом уюмдары жана өкмөттүк эмес уюмдар;
- диний уюмдар жана дин кызматкерлери;
- билим берүү тармагынын эксперттери;
- жалпыга маалымдоо каражаттары;
- мамлекеттик кызматчылар жана жергиликтүү өз алдынча башкаруу органдарынын кызматкерлери.

Кийин Кеңештин мүчөлөрү фокус-топторго катышып, долбоор иштеген ар бир тармактын муктаждыктарын аныктоого салым кошушту.`,
					"Консультативдик кеңеш", "мамлекеттик органдар", "жарандык коом"),
				"en": entryText("en", "A national board to guide the project",
					"In its first month the project set up a Transversal National Board, its Consultative Council, which brings together representatives of six target groups.",
					`In its very first month, HERo set up a Transversal National Board. The Board serves as the project’s Consultative Council and brings together the sectors the project works with for gender equality.

Its members represent the project’s six target groups:

- employees of state bodies responsible for gender issues;
- human-rights civil society organisations and NGOs working on gender issues;
- religious organisations and clergy;
- experts in education;
- the media;
- civil servants and employees of local authorities.

Members of the Board went on to take part in the focus groups that defined the needs of each sector the project works with.`,
					"Consultative Council", "state bodies", "civil society"),
			},
		},
		{
			Key:  "directions-of-work",
			Type: content.EntryNews,
			Date: postDate(2020, time.January, 31),
			Texts: map[string]content.EntryText{
				"ru": entryText("ru", "Пять направлений работы ради гендерного равенства",
					"От образовательных стандартов до редакций СМИ: пять направлений, по которым проект «ДаткАйым» работает, чтобы остановить гендерную дискриминацию и изменить патриархальные установки.",
					`Проект «ДаткАйым» работает по пяти направлениям.

1. **Образование.** Добиться того, чтобы антидискриминационная, в том числе гендерная, экспертиза образовательных стандартов и учебных материалов стала обязательной и закрепилась в системе, а также повысить гендерную компетентность педагогов. Эта работа опирается на Национальный план действий по достижению гендерного равенства на 2018–2020 годы (задача 31) и Стратегию развития образования до 2020 года.
2. **Выбор профессии.** Информационная кампания для девочек и девушек, которая помогает выбирать профессию, не оглядываясь на гендерные стереотипы.
3. **Девочки в школе.** Организации гражданского общества, в том числе религиозные организации и духовенство во всех регионах, противостоят отсеву девочек из школ из-за религиозных убеждений родителей и патриархальных норм, а также ранним бракам.
4. **СМИ.** Разработка и внедрение стандартов гендерно чувствительной журналистики.
5. **Сотрудничество.** Укрепление взаимодействия государственных органов, органов местного самоуправления и гражданского общества в сфере гендерной политики на национальном и местном уровнях.

Все пять направлений служат общей цели проекта: остановить распространение гендерной и социальной дискриминации в образовании и СМИ и добиться эффективного реагирования на гендерную дискриминацию.`,
					"гендерное равенство", "образование", "СМИ", "сотрудничество"),
				"ky": entryText("ky", "Гендердик теңчиликке карай беш иш багыты",
					"Билим берүү стандарттарынан тартып редакцияларга чейин: «ДаткАйым» долбоору гендердик басмырлоону токтотуу жана патриархалдык көз караштарды өзгөртүү үчүн иштеген беш багыт.",
					`«ДаткАйым» долбоору беш багытта иштейт.

1. **Билим берүү.** Билим берүү стандарттарын жана окуу материалдарын антидискриминациялык, анын ичинде гендердик экспертизадан өткөрүүнү милдеттүү кылып, системада бекемдөө, ошондой эле педагогдордун гендердик компетенттүүлүгүн жогорулатуу. Бул иш Кыргыз Республикасында гендердик теңчиликке жетишүү боюнча 2018–2020-жылдарга улуттук иш-аракеттер планына (31-милдет) жана 2020-жылга чейинки билим берүүнү өнүктүрүү стратегиясына таянат.
2. **Кесип тандоо.** Кыздарга кесипти гендердик стереотиптерге карабай тандоого жардам берген маалыматтык кампания.
3. **Кыздар мектепте.** Жарандык коом уюмдары, анын ичинде бардык аймактардагы диний уюмдар жана дин кызматкерлери ата-энелердин диний ишенимдеринен жана патриархалдык нормалардан улам кыздардын мектептен чыгып калуусуна, ошондой эле эрте никеге каршы иштешет.
4. **Жалпыга маалымдоо каражаттары.** Гендердик сезимтал журналистиканын стандарттарын иштеп чыгуу жана турмушка ашыруу.
5. **Кызматташтык.** Улуттук жана жергиликтүү деңгээлде гендердик саясат боюнча мамлекеттик органдардын, жергиликтүү өз алдынча башкаруу органдарынын жана жарандык коомдун кызматташтыгын чыңдоо.

Беш багыттын баары долбоордун жалпы максатына кызмат кылат: билим берүүдө жана жалпыга маалымдоо каражаттарында гендердик жана социалдык басмырлоонун жайылышын токтотуу жана гендердик басмырлоого каршы натыйжалуу чара көрүү.`,
					"гендердик теңчилик", "билим берүү", "ЖМК", "кызматташтык"),
				"en": entryText("en", "Five directions of work towards gender equality",
					"From school standards to newsrooms: the five directions in which HERo works to stop gender discrimination and change patriarchal attitudes.",
					`HERo works in five directions.

1. **Education.** Make a review of educational standards and teaching materials for discrimination, gender discrimination included, mandatory and a permanent part of the system, and raise the gender competence of educators. This work follows the National Action Plan on Gender Equality 2018–2020 (task 31) and the Education Development Strategy until 2020.
2. **Choosing a profession.** An information campaign that helps girls choose a profession without being held back by gender stereotypes.
3. **Girls in school.** Civil society organisations, including religious organisations and clergy in all regions, work against girls dropping out of school because of their parents’ religious beliefs and patriarchal norms, and against early marriage.
4. **Media.** Developing standards of gender-sensitive journalism and putting them into practice.
5. **Cooperation.** Stronger cooperation between state bodies, local authorities and civil society on gender policy, at national and local level.

All five serve the project’s general objective: to stop the spread of gender and social discrimination in education and the media, and to ensure an effective response to gender discrimination.`,
					"gender equality", "education", "media", "cooperation"),
			},
		},
		{
			Key:  "focus-groups",
			Type: content.EntryNews,
			Date: postDate(2020, time.June, 30),
			Texts: map[string]content.EntryText{
				"ru": entryText("ru", "Фокус-группы помогли определить, какими будут тренинги проекта",
					"Члены Консультативного совета приняли участие в четырёх фокус-группах, где определялись потребности каждой из сфер. Их итоги легли в основу четырёх тренингов по наращиванию потенциала.",
					`На первом этапе проекта члены Трансверсального национального совета — Консультативного совета проекта — приняли участие в четырёх фокус-группах. Их задачей было выявить потребности: чему нужно научиться людям в каждой сфере, чтобы продвигать гендерное равенство в своей работе.

Итоги фокус-групп легли в основу четырёх тренингов по наращиванию потенциала — по одному для каждой сферы:

- для средств массовой информации;
- для системы образования;
- для государственных учреждений;
- для организаций гражданского общества.

Так обучение строится на тех потребностях, которые назвали сами участники.`,
					"Консультативный совет", "тренинги", "СМИ", "образование"),
				"ky": entryText("ky", "Фокус-топтор долбоордун тренингдеринин мазмунун аныктоого жардам берди",
					"Консультативдик кеңештин мүчөлөрү ар бир тармактын муктаждыктарын аныктоо үчүн төрт фокус-топко катышты. Алардын жыйынтыгы потенциалды жогорулатуу боюнча төрт тренингдин негизин түздү.",
					`Долбоордун биринчи этабында Трансверсалдык улуттук кеңештин — долбоордун Консультативдик кеңешинин — мүчөлөрү төрт фокус-топко катышты. Максат муктаждыктарды аныктоо болчу: гендердик теңчиликти өз ишинде илгерилетүү үчүн ар бир тармакта иштегендер эмнени үйрөнүшү керек.

Фокус-топтордун жыйынтыгы потенциалды жогорулатуу боюнча төрт тренингдин негизин түздү — ар бир тармак үчүн бирден:

- жалпыга маалымдоо каражаттары үчүн;
- билим берүү системасы үчүн;
- мамлекеттик мекемелер үчүн;
- жарандык коом уюмдары үчүн.

Ошентип окутуу катышуучулардын өздөрү атаган муктаждыктарга негизделет.`,
					"Консультативдик кеңеш", "тренингдер", "ЖМК", "билим берүү"),
				"en": entryText("en", "Four focus groups shape the project’s training",
					"Members of the Consultative Council took part in four focus groups that defined what each sector needs. Their findings shaped four capacity-building training courses.",
					`During the project’s first phase, members of the Transversal National Board, the project’s Consultative Council, took part in four focus groups. Their task was to define needs: what people in each sector need to be trained in to advance gender equality in their own work.

The findings shaped four capacity-building training courses, one for each sector:

- the media;
- the education system;
- public institutions;
- civil society organisations.

In this way the training starts from the needs the participants named themselves.`,
					"Consultative Council", "training", "media", "education"),
			},
		},
		{
			Key:  "online-consultations",
			Type: content.EntryNews,
			Date: postDate(2020, time.December, 31),
			Texts: map[string]content.EntryText{
				"ru": entryText("ru", "Четыре онлайн-консультации о сотрудничестве ради гендерного равенства",
					"В декабре 2020 года проект провёл четыре онлайн-консультации о том, как укрепить сотрудничество в продвижении гендерной повестки через СМИ, образование, государственные органы и гражданское общество.",
					`В декабре 2020 года проект «ДаткАйым» провёл четыре онлайн-консультации. Речь на них шла о том, как укрепить сотрудничество, чтобы продвигать гендерную повестку через четыре сферы: средства массовой информации, образование, государственные органы и гражданское общество.

В консультациях участвовали члены Консультативного совета, представители государственных органов, СМИ и системы образования, эксперты из четырёх сфер и команда проекта.

Укрепление взаимодействия государственных органов, органов местного самоуправления и гражданского общества в сфере гендерной политики — на национальном и на местном уровне — одно из пяти направлений работы проекта.`,
					"сотрудничество", "СМИ", "образование", "гражданское общество"),
				"ky": entryText("ky", "Гендердик теңчилик үчүн кызматташтык боюнча төрт онлайн-консультация өттү",
					"2020-жылдын декабрында долбоор жалпыга маалымдоо каражаттары, билим берүү, мамлекеттик органдар жана жарандык коом аркылуу гендердик күн тартибин илгерилетүүдө кызматташтыкты чыңдоо боюнча төрт онлайн-консультация өткөрдү.",
					`2020-жылдын декабрында «ДаткАйым» долбоору төрт онлайн-консультация өткөрдү. Алар гендердик күн тартибин төрт тармак — жалпыга маалымдоо каражаттары, билим берүү, мамлекеттик органдар жана жарандык коом — аркылуу илгерилетүү үчүн кызматташтыкты кантип чыңдоого боло тургандыгына арналды.

Консультацияларга Консультативдик кеңештин мүчөлөрү, мамлекеттик органдардын, жалпыга маалымдоо каражаттарынын жана билим берүү тармагынын өкүлдөрү, төрт тармактын эксперттери жана долбоордун командасы катышты.

Улуттук жана жергиликтүү деңгээлде гендердик саясат боюнча мамлекеттик органдардын, жергиликтүү өз алдынча башкаруу органдарынын жана жарандык коомдун кызматташтыгын чыңдоо — долбоордун беш иш багытынын бири.`,
					"кызматташтык", "ЖМК", "билим берүү", "жарандык коом"),
				"en": entryText("en", "Four online consultations on working together for gender equality",
					"In December 2020 the project held four online consultations on strengthening cooperation to advance the gender agenda through the media, education, state bodies and civil society.",
					`In December 2020 HERo held four online consultations. They looked at how to strengthen cooperation so that the gender agenda moves forward through four sectors: the media, education, state bodies and civil society.

Taking part were members of the Consultative Council, representatives of state bodies, the media and education, experts from the four sectors and the project team.

Stronger cooperation between state bodies, local authorities and civil society on gender policy, at national and local level, is one of the project’s five directions of work.`,
					"cooperation", "media", "education", "civil society"),
			},
		},
		{
			Key:  "second-year",
			Type: content.EntryNews,
			Date: postDate(2021, time.November, 30),
			Texts: map[string]content.EntryText{
				"ru": entryText("ru", "Второй год проекта: скоро начнутся тренинги",
					"В ноябре 2021 года проект «ДаткАйым» находится на втором году реализации, и вскоре начнутся тренинги по наращиванию потенциала для четырёх сфер.",
					`В ноябре 2021 года проект «ДаткАйым» находится на втором году реализации, и вскоре начнутся тренинги по наращиванию потенциала.

Тренинги опираются на то, что было сделано на первом этапе: четыре фокус-группы с членами Консультативного совета определили потребности каждой сферы, а онлайн-консультации декабря 2020 года были посвящены тому, как эти сферы могут сотрудничать. Тренинги пройдут для средств массовой информации, системы образования, государственных учреждений и организаций гражданского общества.

Следите за новостями о тренингах на этом сайте.`,
					"тренинги", "гендерное равенство"),
				"ky": entryText("ky", "Долбоордун экинчи жылы: тренингдер жакында башталат",
					"2021-жылдын ноябрында «ДаткАйым» долбоорунун экинчи жылы жүрүп жатат, ал эми төрт тармак үчүн потенциалды жогорулатуу боюнча тренингдер жакында башталат.",
					`2021-жылдын ноябрында «ДаткАйым» долбоорунун экинчи жылы жүрүп жатат, ал эми потенциалды жогорулатуу боюнча тренингдер жакында башталат.

Тренингдер биринчи этапта аткарылган иштерге негизделет: Консультативдик кеңештин мүчөлөрү менен өткөн төрт фокус-топ ар бир тармактын муктаждыктарын аныктаса, 2020-жылдын декабрындагы онлайн-консультациялар бул тармактар кантип кызматташа ала тургандыгына арналган. Тренингдер жалпыга маалымдоо каражаттары, билим берүү системасы, мамлекеттик мекемелер жана жарандык коом уюмдары үчүн өтөт.

Тренингдер тууралуу жаңылыктарды ушул сайттан окуй аласыз.`,
					"тренингдер", "гендердик теңчилик"),
				"en": entryText("en", "HERo in its second year: training about to begin",
					"As of November 2021 the project is in its second year, and its capacity-building training for four sectors is about to start.",
					`As of November 2021, HERo is in its second year, and its capacity-building training is about to start.

The training builds on the work of the first phase: four focus groups with members of the Consultative Council defined what each sector needs, and the online consultations of December 2020 looked at how the sectors can work together. Training will be offered to the media, the education system, public institutions and civil society organisations.

Follow the news on this site to hear how the training goes.`,
					"training", "gender equality"),
			},
		},
		{
			Key:   "kick-off-meeting",
			Type:  content.EntryEvent,
			Date:  bishkekTime(2019, time.November, 26, 9, 0),
			Start: bishkekTime(2019, time.November, 26, 9, 0),
			End:   bishkekTime(2019, time.November, 28, 18, 0),
			Texts: map[string]content.EntryText{
				"ru": eventText("ru", "Бишкек", "Стартовая встреча проекта «ДаткАйым»",
					"Встреча в Бишкеке, с которой 26–28 ноября 2019 года начался проект.",
					`Проект «ДаткАйым — Продвигаем гендерное равенство по-новому» открылся трёхдневной стартовой встречей в Бишкеке, которая прошла 26–28 ноября 2019 года.

С неё начались 36 месяцев работы Общественного объединения «Агентство социальных технологий» и Центра творческого развития «Данило Дольчи» при финансовой поддержке Европейского союза.`,
					"гендерное равенство", "Европейский союз"),
				"ky": eventText("ky", "Бишкек", "«ДаткАйым» долбоорунун баштапкы жолугушуусу",
					"2019-жылдын 26–28-ноябрында Бишкекте өтүп, долбоордун ишин баштаган жолугушуу.",
					`«ДаткАйым — Гендердик теңчиликке жаңыча жетишүү» долбоору 2019-жылдын 26–28-ноябрында Бишкекте өткөн үч күндүк баштапкы жолугушуу менен ачылды.

Ушул жолугушуу менен «Социалдык технологиялар агенттиги» коомдук бирикмесинин жана «Данило Дольчи» чыгармачылык өнүгүү борборунун Европа Биримдигинин каржылык колдоосу менен жүргүзүлө турган 36 айлык иши башталды.`,
					"гендердик теңчилик", "Европа Биримдиги"),
				"en": eventText("en", "Bishkek", "Kick-off meeting of the HERo project",
					"The meeting in Bishkek that opened the project on 26–28 November 2019.",
					`“HERo — New narratives towards a gender equal society” opened with a three-day kick-off meeting in Bishkek on 26–28 November 2019.

The meeting began 36 months of work by the Public Association “Social Technologies Agency” and the Centre for Creative Development “Danilo Dolci”, with financial support from the European Union.`,
					"gender equality", "European Union"),
			},
		},
		{
			Key:   "online-consultations-2020",
			Type:  content.EntryEvent,
			Date:  bishkekTime(2020, time.December, 1, 9, 0),
			Start: bishkekTime(2020, time.December, 1, 9, 0),
			End:   bishkekTime(2020, time.December, 31, 18, 0),
			Texts: map[string]content.EntryText{
				"ru": eventText("ru", "Онлайн", "Онлайн-консультации: вместе продвигаем гендерную повестку",
					"Четыре онлайн-консультации в декабре 2020 года — с участием СМИ, системы образования, государственных органов и гражданского общества.",
					`В декабре 2020 года прошла серия из четырёх онлайн-консультаций о том, как укрепить сотрудничество в продвижении гендерной повестки через СМИ, образование, государственные органы и гражданское общество.

Участники — члены Консультативного совета, представители государственных органов, СМИ и системы образования, эксперты из четырёх сфер и команда проекта.`,
					"сотрудничество", "Консультативный совет"),
				"ky": eventText("ky", "Онлайн", "Онлайн-консультациялар: гендердик күн тартибин бирге илгерилетебиз",
					"2020-жылдын декабрында жалпыга маалымдоо каражаттарынын, билим берүүнүн, мамлекеттик органдардын жана жарандык коомдун катышуусу менен өткөн төрт онлайн-консультация.",
					`2020-жылдын декабрында жалпыга маалымдоо каражаттары, билим берүү, мамлекеттик органдар жана жарандык коом аркылуу гендердик күн тартибин илгерилетүүдө кызматташтыкты чыңдоо боюнча төрт онлайн-консультация өттү.

Катышуучулар — Консультативдик кеңештин мүчөлөрү, мамлекеттик органдардын, жалпыга маалымдоо каражаттарынын жана билим берүү тармагынын өкүлдөрү, төрт тармактын эксперттери жана долбоордун командасы.`,
					"кызматташтык", "Консультативдик кеңеш"),
				"en": eventText("en", "Online", "Online consultations: advancing the gender agenda together",
					"A series of four online consultations in December 2020 with the media, education, state bodies and civil society.",
					`In December 2020 the project held a series of four online consultations on strengthening cooperation to advance the gender agenda through the media, education, state bodies and civil society.

Taking part: members of the Consultative Council, representatives of state bodies, the media and education, experts from the four sectors, and the project team.`,
					"cooperation", "Consultative Council"),
			},
		},
	}
}
