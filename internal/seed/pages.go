package seed

import "github.com/datka-cms/datka/internal/content"

// pageText builds one language's published version of a seed page. Russian
// and Kyrgyz texts await a native speaker's review; the slug is left for
// the store to make from the title.
func pageText(lang, title, summary, body string) content.PageText {
	return content.PageText{
		Meta: content.Meta{
			Lang:              lang,
			Status:            content.StatusPublished,
			NeedsNativeReview: lang != "en",
		},
		Title:   title,
		Summary: summary,
		Body:    body,
	}
}

// pages returns the default site's pages in menu order. The partner and
// government pages hold only an introduction: their templates render the
// organisations from data, and the home page shows the slogans and partner
// cards the same way.
func pages() []content.Page {
	return []content.Page{
		{
			Key:      "home",
			Layout:   content.LayoutHome,
			Position: 0,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Главная",
					"«ДаткАйым» — финансируемый Европейским союзом проект, который продвигает гендерное равенство в Кыргызской Республике через образование, СМИ и сотрудничество государства с гражданским обществом.",
					`**«ДаткАйым — Продвигаем гендерное равенство по-новому»** — проект гражданского общества в Кыргызской Республике. Он объединяет педагогов и экспертов в области образования, журналистов, религиозных лидеров, государственных и муниципальных служащих, а также неправительственные организации, чтобы вместе продвигать равенство женщин и мужчин.

Проект реализуют Общественное объединение «Агентство социальных технологий» (Кыргызская Республика) и Центр творческого развития «Данило Дольчи» (Италия) при финансовой поддержке Европейского союза. Срок реализации — 36 месяцев, с 2019 по 2022 год.

Цель проекта — способствовать изменению глубоко укоренившихся в обществе патриархальных установок: остановить распространение гендерной и социальной дискриминации в образовании и средствах массовой информации и добиться эффективного реагирования на случаи гендерной дискриминации. Тем самым проект вносит вклад в достижение Цели устойчивого развития 5 — обеспечение гендерного равенства и расширение прав и возможностей всех женщин и девочек.`),
				"ky": pageText("ky", "Башкы бет",
					"«ДаткАйым» — Кыргыз Республикасында билим берүү, жалпыга маалымдоо каражаттары жана мамлекет менен жарандык коомдун кызматташтыгы аркылуу гендердик теңчиликти илгерилеткен, Европа Биримдиги каржылаган долбоор.",
					`**«ДаткАйым — Гендердик теңчиликке жаңыча жетишүү»** — Кыргыз Республикасындагы жарандык коомдун долбоору. Ал аялдар менен эркектердин теңчилигин бирге илгерилетүү үчүн мугалимдерди жана билим берүү тармагынын эксперттерин, журналисттерди, диний лидерлерди, мамлекеттик жана муниципалдык кызматчыларды, ошондой эле өкмөттүк эмес уюмдарды бириктирет.

Долбоорду «Социалдык технологиялар агенттиги» коомдук бирикмеси (Кыргыз Республикасы) жана «Данило Дольчи» чыгармачылык өнүгүү борбору (Италия) Европа Биримдигинин каржылык колдоосу менен ишке ашырат. Долбоордун мөөнөтү — 36 ай, 2019-жылдан 2022-жылга чейин.

Долбоордун максаты — коомдо терең тамыр жайган патриархалдык көз караштарды өзгөртүүгө көмөктөшүү: билим берүүдө жана жалпыга маалымдоо каражаттарында гендердик жана социалдык басмырлоонун жайылышын токтотуу жана гендердик басмырлоого каршы натыйжалуу чара көрүү. Ошентип долбоор Туруктуу өнүгүү максаттарынын бешинчисине (ТӨМ 5) — гендердик теңчиликке жетишүүгө жана бардык аялдар менен кыздардын укуктарын жана мүмкүнчүлүктөрүн кеңейтүүгө — салым кошот.`),
				"en": pageText("en", "Home",
					"HERo is an EU-funded project that promotes gender equality in the Kyrgyz Republic through education, the media and cooperation between the state and civil society.",
					`**HERo — New narratives towards a gender equal society** (ДаткАйым in Kyrgyz and Russian) is a civil-society project in the Kyrgyz Republic. It brings together teachers and education experts, journalists, religious leaders, civil servants, local authorities and non-governmental organisations to promote equality between women and men.

The project is implemented by the Public Association “Social Technologies Agency” (Kyrgyz Republic) and the Centre for Creative Development “Danilo Dolci” (Italy) with financial support from the European Union. It runs for 36 months, from 2019 to 2022.

Its aim is to help transform deeply rooted patriarchal attitudes in society: to stop the spread of gender and social discrimination in education and the media, and to ensure an effective response to gender discrimination. In this way the project contributes to Sustainable Development Goal 5: achieve gender equality and empower all women and girls.`),
			},
		},
		{
			Key:      "about",
			Layout:   content.LayoutAbout,
			Position: 1,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "О проекте",
					"Кто реализует и финансирует проект «ДаткАйым», какова его цель, по каким пяти направлениям он работает и как устроен его Консультативный совет.",
					`## Кто реализует проект

Проект «ДаткАйым — Продвигаем гендерное равенство по-новому» реализует Общественное объединение «Агентство социальных технологий» (Кыргызская Республика) совместно с Центром творческого развития «Данило Дольчи» (Италия).

Проект финансируется Европейским союзом в рамках Европейского инструмента по вопросам демократии и прав человека (ЕИДПЧ), по линии Страновой схемы поддержки для Кыргызстана на 2018–2019 годы. Он рассчитан на 36 месяцев, с 2019 по 2022 год. Работа началась со стартовой встречи, которая прошла в Бишкеке 26–28 ноября 2019 года.

## Цель проекта

Общая цель проекта — способствовать изменению глубоко укоренившихся в обществе патриархальных установок. Для этого проект стремится остановить распространение гендерной и социальной дискриминации в образовании и средствах массовой информации и добиться эффективного реагирования на гендерную дискриминацию. Эта работа соответствует Цели устойчивого развития 5 (ЦУР 5) «Гендерное равенство».

## Направления работы

1. **Образование.** Институционализация обязательной антидискриминационной, в том числе гендерной, экспертизы образовательных стандартов и учебных материалов и повышение гендерной компетентности педагогов — в соответствии с Национальным планом действий по достижению гендерного равенства на 2018–2020 годы (задача 31) и Стратегией развития образования до 2020 года.
2. **Выбор профессии.** Информационная кампания для девочек и девушек против гендерных стереотипов при выборе профессии.
3. **Девочки в школе.** Вовлечение организаций гражданского общества, в том числе религиозных организаций и духовенства во всех регионах, в работу против отсева девочек из школ из-за религиозных убеждений родителей и патриархальных норм, а также против ранних браков.
4. **СМИ.** Разработка и внедрение стандартов гендерно чувствительной журналистики.
5. **Сотрудничество.** Укрепление взаимодействия государственных органов, органов местного самоуправления и гражданского общества в сфере гендерной политики на национальном и местном уровнях.

## Консультативный совет

Уже в первый месяц работы проекта был создан Трансверсальный национальный совет — Консультативный совет проекта. В него вошли представители шести целевых групп:

- сотрудники государственных органов, отвечающих за гендерные вопросы;
- правозащитные организации гражданского общества и НПО, работающие в сфере гендерного равенства;
- религиозные организации и духовенство;
- эксперты в области образования;
- средства массовой информации;
- государственные служащие и сотрудники органов местного самоуправления.

## Фокус-группы и тренинги

Члены Совета приняли участие в четырёх фокус-группах, посвящённых выявлению потребностей. Их результаты легли в основу четырёх тренингов по наращиванию потенциала: для СМИ, для системы образования, для государственных учреждений и для организаций гражданского общества.

## Онлайн-консультации

В декабре 2020 года проект провёл четыре онлайн-консультации о том, как укрепить сотрудничество в продвижении гендерной повестки через СМИ, образование, государственные органы и гражданское общество. В них участвовали члены Консультативного совета, представители государственных органов, СМИ и системы образования, эксперты из четырёх сфер и команда проекта.

## Ход проекта

В ноябре 2021 года шёл второй год реализации проекта, и вскоре должны были начаться тренинги.`),
				"ky": pageText("ky", "Долбоор жөнүндө",
					"«ДаткАйым» долбоорунун аткаруучулары жана каржылоосу, максаты, беш иш багыты жана Консультативдик кеңеши тууралуу.",
					`## Долбоорду ким ишке ашырат

«ДаткАйым — Гендердик теңчиликке жаңыча жетишүү» долбоорун «Социалдык технологиялар агенттиги» коомдук бирикмеси (Кыргыз Республикасы) «Данило Дольчи» чыгармачылык өнүгүү борбору (Италия) менен биргеликте ишке ашырат.

Долбоор Европа Биримдиги тарабынан Демократия жана адам укуктары боюнча Европалык инструменттин алкагында, Кыргызстан үчүн 2018–2019-жылдарга арналган Өлкөлүк колдоо схемасы боюнча каржыланат. Ал 36 айга, 2019–2022-жылдарга эсептелген. Иш 2019-жылдын 26–28-ноябрында Бишкекте өткөн баштапкы жолугушуу менен башталды.

## Долбоордун максаты

Долбоордун жалпы максаты — коомдо терең тамыр жайган патриархалдык көз караштарды өзгөртүүгө көмөктөшүү. Бул үчүн долбоор билим берүүдө жана жалпыга маалымдоо каражаттарында гендердик жана социалдык басмырлоонун жайылышын токтотууга жана гендердик басмырлоого каршы натыйжалуу чара көрүүгө умтулат. Мунун баары Туруктуу өнүгүү максаттарынын бешинчисине (ТӨМ 5, «Гендердик теңчилик») шайкеш келет.

## Иштин багыттары

1. **Билим берүү.** Билим берүү стандарттарын жана окуу материалдарын милдеттүү түрдө антидискриминациялык, анын ичинде гендердик экспертизадан өткөрүүнү институттук деңгээлде бекемдөө жана педагогдордун гендердик компетенттүүлүгүн жогорулатуу. Бул иш Кыргыз Республикасында гендердик теңчиликке жетишүү боюнча 2018–2020-жылдарга улуттук иш-аракеттер планына (31-милдет) жана 2020-жылга чейинки билим берүүнү өнүктүрүү стратегиясына ылайык жүргүзүлөт.
2. **Кесип тандоо.** Кыздар үчүн кесип тандоодогу гендердик стереотиптерге каршы маалыматтык кампания.
3. **Кыздар мектепте.** Жарандык коом уюмдарын, анын ичинде бардык аймактардагы диний уюмдарды жана дин кызматкерлерин ата-энелердин диний ишенимдеринен жана патриархалдык нормалардан улам кыздардын мектептен чыгып калуусунун, ошондой эле эрте никенин алдын алууга тартуу.
4. **Жалпыга маалымдоо каражаттары.** Гендердик сезимтал журналистиканын стандарттарын иштеп чыгуу жана киргизүү.
5. **Кызматташтык.** Улуттук жана жергиликтүү деңгээлде гендердик саясат боюнча мамлекеттик органдардын, жергиликтүү өз алдынча башкаруу органдарынын жана жарандык коомдун кызматташтыгын чыңдоо.

## Консультативдик кеңеш

Долбоордун биринчи айында эле Трансверсалдык улуттук кеңеш — долбоордун Консультативдик кеңеши түзүлдү. Анын курамына алты максаттуу топтун өкүлдөрү кирди:

- гендердик маселелерге жооптуу мамлекеттик органдардын кызматкерлери;
- гендердик маселелер менен алектенген укук коргоочу жарандык коом уюмдары жана өкмөттүк эмес уюмдар;
- диний уюмдар жана дин кызматкерлери;
- билим берүү тармагынын эксперттери;
- жалпыга маалымдоо каражаттары;
- мамлекеттик кызматчылар жана жергиликтүү өз алдынча башкаруу органдарынын кызматкерлери.

## Фокус-топтор жана тренингдер

Кеңештин мүчөлөрү муктаждыктарды аныктоо үчүн төрт фокус-топко катышты. Фокус-топтордун жыйынтыгы потенциалды жогорулатуу боюнча төрт тренингдин негизин түздү: жалпыга маалымдоо каражаттары, билим берүү системасы, мамлекеттик мекемелер жана жарандык коом уюмдары үчүн.

## Онлайн-консультациялар

2020-жылдын декабрында жалпыга маалымдоо каражаттары, билим берүү, мамлекеттик органдар жана жарандык коом аркылуу гендердик күн тартибин илгерилетүүдө кызматташтыкты чыңдоо боюнча төрт онлайн-консультация өттү. Аларга Кеңештин мүчөлөрү, мамлекеттик органдардын, жалпыга маалымдоо каражаттарынын жана билим берүү тармагынын өкүлдөрү, төрт тармактын эксперттери жана долбоордун командасы катышты.

## Долбоордун жүрүшү

2021-жылдын ноябрында долбоордун экинчи жылы жүрүп жаткан эле, ал эми тренингдер жакын арада башталмак.`),
				"en": pageText("en", "About the project",
					"Who implements and funds HERo, what it aims to achieve, its five directions of work and its Consultative Council.",
					`## Who implements the project

The project “HERo — New narratives towards a gender equal society” is implemented by the Public Association “Social Technologies Agency” (Kyrgyz Republic) together with the Centre for Creative Development “Danilo Dolci” (Italy).

It is funded by the European Union under the European Instrument for Democracy and Human Rights (EIDHR), through its Country Based Support Scheme for Kyrgyzstan 2018–2019. The project runs for 36 months, from 2019 to 2022. Work began with a kick-off meeting in Bishkek on 26–28 November 2019.

## Objective

The general objective of the project is to support the transformation of deeply rooted patriarchal attitudes in society. To this end, it seeks to stop the spread of gender and social discrimination in education and the mass media, and to ensure an effective response to gender discrimination. This work is in line with Sustainable Development Goal 5, “Gender equality”.

## Directions of work

1. **Education.** Institutionalising a mandatory anti-discrimination review, including a gender review, of educational standards and teaching materials, and raising the gender competence of educators, in line with the National Action Plan on Gender Equality 2018–2020 (task 31) and the Education Development Strategy until 2020.
2. **Choosing a profession.** An information campaign for girls against gender stereotypes in the choice of a profession.
3. **Girls in school.** Engaging civil society organisations, including religious organisations and clergy in all regions, in work against girls dropping out of school because of their parents’ religious beliefs and patriarchal norms, and against early marriage.
4. **Media.** Developing and introducing standards of gender-sensitive journalism.
5. **Cooperation.** Strengthening cooperation between state bodies, local authorities and civil society on gender policy at national and local level.

## Consultative Council

In its first month the project set up a Transversal National Board, which serves as its Consultative Council. It brings together representatives of the project’s six target groups:

- employees of state bodies responsible for gender issues;
- human-rights civil society organisations and NGOs working on gender issues;
- religious organisations and clergy;
- experts in education;
- the media;
- civil servants and employees of local authorities.

## Focus groups and training

Members of the Board took part in four focus groups to identify needs. Their findings shaped four capacity-building training courses: for the media, the education system, public institutions and civil society organisations.

## Online consultations

In December 2020 the project held four online consultations on strengthening cooperation to advance the gender agenda through the media, education, state bodies and civil society. They brought together members of the Board, representatives of state bodies, the media and education, experts from the four sectors and the project team.

## Progress

In November 2021 the project was in its second year, and its training courses were about to start.`),
			},
		},
		{
			Key:      "partners",
			Layout:   content.LayoutPartners,
			Position: 2,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Партнёры",
					"Европейский союз, который финансирует проект «ДаткАйым», и две организации, которые его реализуют.",
					`Проект «ДаткАйым» финансируется Европейским союзом, а реализуют его две неправительственные организации: Общественное объединение «Агентство социальных технологий» (Бишкек) и Центр творческого развития «Данило Дольчи» (Палермо, Италия). Ниже — подробнее о каждом из партнёров и их работе.`),
				"ky": pageText("ky", "Өнөктөштөр",
					"«ДаткАйым» долбоорун каржылаган Европа Биримдиги жана аны ишке ашырган эки уюм.",
					`«ДаткАйым» долбоору Европа Биримдиги тарабынан каржыланат, ал эми аны эки өкмөттүк эмес уюм ишке ашырат: «Социалдык технологиялар агенттиги» коомдук бирикмеси (Бишкек) жана «Данило Дольчи» чыгармачылык өнүгүү борбору (Палермо, Италия). Төмөндө ар бир өнөктөш жана анын иши тууралуу кеңири окуй аласыз.`),
				"en": pageText("en", "Partners",
					"The European Union, which funds HERo, and the two organisations that implement it.",
					`HERo is funded by the European Union and implemented by two non-governmental organisations: the Public Association “Social Technologies Agency” (Bishkek) and the Centre for Creative Development “Danilo Dolci” (Palermo, Italy). Read more about each partner and its work below.`),
			},
		},
		{
			Key:      "government",
			Layout:   content.LayoutGovernment,
			Position: 3,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Государственные органы",
					"Пять государственных органов Кыргызской Республики, с которыми сотрудничает проект «ДаткАйым».",
					`Проект реализуется в сотрудничестве с пятью государственными органами Кыргызской Республики, которые отвечают за труд и социальное обеспечение, образование, культуру и информацию, государственную службу и местное самоуправление, а также за вопросы религии. Вместе с ними проект укрепляет взаимодействие государства и гражданского общества в сфере гендерной политики на национальном и местном уровнях.`),
				"ky": pageText("ky", "Мамлекеттик органдар",
					"«ДаткАйым» долбоору кызматташкан Кыргыз Республикасынын беш мамлекеттик органы.",
					`Долбоор Кыргыз Республикасынын беш мамлекеттик органы менен кызматташып ишке ашырылат. Алар эмгек жана социалдык камсыздоо, билим берүү, маданият жана маалымат, мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу, ошондой эле дин иштери тармактарына жооптуу. Алар менен бирге долбоор улуттук жана жергиликтүү деңгээлде гендердик саясат жаатында мамлекет менен жарандык коомдун кызматташтыгын чыңдайт.`),
				"en": pageText("en", "Government bodies",
					"The five government bodies of the Kyrgyz Republic that HERo works with.",
					`The project is implemented in collaboration with five government bodies of the Kyrgyz Republic, responsible for labour and social support, education, culture and information, the civil service and local self-government, and religious affairs. Together with them, the project strengthens cooperation between the state and civil society on gender policy at national and local level.`),
			},
		},
		{
			Key:      "contacts",
			Layout:   content.LayoutContacts,
			Position: 8,
			InMenu:   true,
			Texts: map[string]content.PageText{
				"ru": pageText("ru", "Контакты",
					"Как связаться с командой проекта «ДаткАйым».",
					`Команда проекта работает в Общественном объединении «Агентство социальных технологий» в Бишкеке. Актуальные контактные данные Агентства вы найдёте на его сайте [sta.kg](https://sta.kg).`),
				"ky": pageText("ky", "Байланыш",
					"«ДаткАйым» долбоорунун командасы менен байланышуу жолдору.",
					`Долбоордун командасы Бишкектеги «Социалдык технологиялар агенттиги» коомдук бирикмесинде иштейт. Агенттиктин учурдагы байланыш маалыматтарын анын [sta.kg](https://sta.kg) сайтынан таба аласыз.`),
				"en": pageText("en", "Contacts",
					"How to reach the HERo project team.",
					`The project team works at the Public Association “Social Technologies Agency” in Bishkek. You will find the Agency’s current contact details on its website, [sta.kg](https://sta.kg).`),
			},
		},
	}
}

// settings returns the per-language site settings. Phone and e-mail are left
// empty on purpose: the editors fill them in, and the templates show them
// only when they are set.
func settings() []content.Settings {
	return []content.Settings{
		{
			Lang:              "ru",
			SiteName:          "ДаткАйым — Продвигаем гендерное равенство по-новому",
			ShortName:         "ДаткАйым",
			Slogan:            "Продвигаем гендерное равенство по-новому!",
			Organisation:      "Общественное объединение «Агентство социальных технологий»",
			Address:           "Бишкек, Кыргызская Республика",
			Footer:            "Проект реализуют Общественное объединение «Агентство социальных технологий» и Центр творческого развития «Данило Дольчи» при финансовой поддержке Европейского союза.",
			FundedBy:          "Финансируется Европейским союзом",
			Disclaimer:        "Этот веб-сайт создан и поддерживается при финансовой поддержке Европейского союза. Его содержание является исключительной ответственностью Общественного объединения «Агентство социальных технологий» и не обязательно отражает точку зрения Европейского союза.",
			NeedsNativeReview: true,
		},
		{
			Lang:              "ky",
			SiteName:          "ДаткАйым — Гендердик теңчиликке жаңыча жетишүү",
			ShortName:         "ДаткАйым",
			Slogan:            "Гендердик теңчиликке жаңыча жетишүү!",
			Organisation:      "«Социалдык технологиялар агенттиги» коомдук бирикмеси",
			Address:           "Бишкек, Кыргыз Республикасы",
			Footer:            "Долбоорду «Социалдык технологиялар агенттиги» коомдук бирикмеси жана «Данило Дольчи» чыгармачылык өнүгүү борбору Европа Биримдигинин каржылык колдоосу менен ишке ашырат.",
			FundedBy:          "Европа Биримдиги тарабынан каржыланат",
			Disclaimer:        "Бул веб-сайт Европа Биримдигинин каржылык колдоосу менен түзүлүп, тейленип турат. Сайттын мазмуну Европа Биримдигинин көз карашын сөзсүз түрдө чагылдырбайт, ал үчүн «Социалдык технологиялар агенттиги» коомдук бирикмеси гана жооп берет.",
			NeedsNativeReview: true,
		},
		{
			Lang:         "en",
			SiteName:     "HERo — New narratives towards a gender equal society",
			ShortName:    "HERo",
			Slogan:       "New narratives towards a gender equal society!",
			Organisation: "Public Association “Social Technologies Agency”",
			Address:      "Bishkek, Kyrgyz Republic",
			Footer:       "The project is implemented by the Public Association “Social Technologies Agency” and the Centre for Creative Development “Danilo Dolci” with financial support from the European Union.",
			FundedBy:     "Funded by the European Union",
			Disclaimer:   "This website was created and maintained with the financial support of the European Union. Its contents are the sole responsibility of the Public Association “Social Technologies Agency” and do not necessarily reflect the views of the European Union.",
		},
	}
}
