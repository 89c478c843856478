package seed

import "github.com/datka-cms/datka/internal/content"

// partners returns the funder and the two implementing partners of the
// project, in the order of the client's partners page. The English text
// follows that page in full, with its slips corrected; the Russian and Kyrgyz
// texts translate it and await a native speaker's review.
func partners() []content.Organisation {
	return []content.Organisation{
		{
			Key:      "european-union",
			Kind:     content.KindInternational,
			Role:     content.RoleFunder,
			Website:  "https://www.eeas.europa.eu/delegations/kyrgyz-republic_en",
			Logo:     "eu-emblem.svg",
			Position: 1,
			Texts: map[string]content.OrgText{
				"ru": {
					Meta:      content.Meta{Lang: "ru", Status: content.StatusPublished, NeedsNativeReview: true},
					Name:      "Европейский союз",
					ShortName: "ЕС",
					Summary:   "Европейский союз финансирует проект. Он является партнёром Кыргызской Республики с 1991 года и поддерживает её реформы, демократию и права человека.",
					Description: `Европейский союз — уникальный экономический и политический союз 27 стран ЕС, которые вместе занимают большую часть континента. Основополагающие ценности Европейского союза — уважение человеческого достоинства и прав человека, свобода, демократия, равенство и верховенство права. Эти ценности объединяют все государства-члены, а Европейский парламент стремится к тому, чтобы они воплощались в законодательстве ЕС.

ЕС и Кыргызская Республика являются партнёрами с тех пор, как страна обрела независимость в 1991 году. С самого начала этих отношений ЕС поддерживает Кыргызстан в проведении реформ. Разделяя общие ценности — демократию, уважение прав человека и свободную торговлю, — Кыргызстан стал для ЕС важным партнёром в Центральной Азии.`,
					Sections: []content.Section{
						{
							Heading: "Политические отношения",
							Intro: `Политическая основа партнёрства ЕС с Кыргызской Республикой была заложена Соглашением о партнёрстве и сотрудничестве (СПС) 1999 года. Соглашение было направлено на укрепление связей между Кыргызской Республикой и ЕС.

С учётом развития двусторонних отношений и появления новых сфер взаимодействия ЕС и Кыргызская Республика провели переговоры по Соглашению о расширенном партнёрстве и сотрудничестве (СРПС), которое было парафировано в июле 2019 года. Его подписание ожидается в 2020 году.

Кыргызская Республика также является партнёром в рамках стратегии «Европейский союз и Центральная Азия: новые возможности для более прочного партнёрства», принятой в мае 2019 года.`,
						},
						{
							Heading: "Диалог с гражданским обществом",
							Intro: `Организации гражданского общества активно содействуют защите прав человека и свободы слова. ЕС стремится укреплять роль гражданского общества, поощряя участие негосударственных субъектов в этом процессе.

Важный инструмент, который ЕС использует для поддержки гражданского общества и прав человека, — Европейский инструмент по вопросам демократии и прав человека (ЕИДПЧ). Основные цели ЕИДПЧ:`,
							Items: []string{
								"Содействие созданию демократических институтов",
								"Укрепление судебных и внесудебных механизмов защиты прав человека",
								"Обучение мониторингу соблюдения прав человека",
								"Содействие независимости средств массовой информации",
								"Поддержка отмены смертной казни",
								"Расширение прав женщин и уязвимых групп",
							},
						},
						{
							Heading: "Сотрудничество в целях развития",
							Intro:   `Двустороннее сотрудничество в целях развития строится на Многолетней индикативной программе (МИП) на 2014–2020 годы с общим бюджетом 174 миллиона евро. Программа сосредоточена на трёх основных секторах:`,
							Items: []string{
								"Образование",
								"Верховенство права",
								"Комплексное развитие сельских территорий",
							},
							Outro: `Новая МИП на 2021–2027 годы будет разработана Европейским союзом в тесном сотрудничестве с Кыргызской Республикой, чтобы учесть потребности страны и оказать ей необходимую поддержку.

Помимо двусторонних программ, Кыргызская Республика получает поддержку и по региональным программам. Так, через Инвестиционный механизм ЕС для Центральной Азии (ИФЦА) Евросоюз предоставил гранты на сумму около 90 миллионов евро для поддержки инвестиций, главным образом в водном секторе.`,
						},
						{
							Heading: "Права человека",
							Intro: `ЕС признаёт, что права человека, верховенство права, надлежащее управление и демократизация служат основой долгосрочной политической стабильности и экономического развития Центральной Азии.

Недавно принятая Стратегия ЕС для Центральной Азии предусматривает также диалог по правам человека со всеми пятью странами Центральной Азии. Этот диалог важен, поскольку позволяет:`,
							Items: []string{
								"Обсуждать вопросы, представляющие взаимный интерес, и расширять сотрудничество",
								"Выражать обеспокоенность ЕС положением с правами человека",
								"Собирать информацию и выдвигать инициативы по улучшению положения с правами человека там, где это необходимо",
							},
							Outro: `С 2008 года ЕС ежегодно проводит двусторонний диалог по правам человека с Кыргызской Республикой. ЕС также организует различные семинары для гражданского общества, в которых участвуют представители экспертного сообщества в области прав человека.`,
						},
					},
					WebsiteLabel: "Сайт Представительства Европейского союза в Кыргызской Республике",
				},
				"ky": {
					Meta:      content.Meta{Lang: "ky", Status: content.StatusPublished, NeedsNativeReview: true},
					Name:      "Европа Биримдиги",
					ShortName: "ЕБ",
					Summary:   "Европа Биримдиги долбоорду каржылайт. Ал 1991-жылдан бери Кыргыз Республикасынын өнөктөшү болуп, өлкөдөгү реформаларды, демократияны жана адам укуктарын колдоп келет.",
					Description: `Европа Биримдиги — континенттин басымдуу бөлүгүн ээлеген 27 өлкөнү бириктирген уникалдуу экономикалык жана саясий биримдик. Европа Биримдигинин негизги баалуулуктары — адамдын кадыр-баркын жана адам укуктарын урматтоо, эркиндик, демократия, теңдик жана мыйзамдын үстөмдүгү. Бул баалуулуктар бардык мүчө мамлекеттерди бириктирет, ал эми Европа Парламенти алардын Европа Биримдигинин мыйзамдарында чагылдырылышын камсыздоого умтулат.

Европа Биримдиги менен Кыргыз Республикасы өлкө 1991-жылы көз карандысыздыкка ээ болгондон бери өнөктөш болуп келишет. Бул мамилелердин эң башынан тартып Европа Биримдиги Кыргызстанды реформаларды ишке ашырууда колдоп келет. Демократия, адам укуктарын урматтоо жана эркин соода сыяктуу жалпы баалуулуктарды бөлүшкөн Кыргызстан Европа Биримдиги үчүн Борбордук Азиядагы маанилүү өнөктөшкө айланды.`,
					Sections: []content.Section{
						{
							Heading: "Саясий мамилелер",
							Intro: `Европа Биримдигинин Кыргыз Республикасы менен өнөктөштүгүнүн саясий негиздери 1999-жылы түзүлгөн Өнөктөштүк жана кызматташтык жөнүндө макулдашуу менен түптөлгөн. Макулдашуу Кыргыз Республикасы менен Европа Биримдигинин ортосундагы байланыштарды чыңдоого багытталган.

Эки тараптуу мамилелердин өнүгүшүн жана өз ара аракеттенүүнүн жаңы чөйрөлөрүнүн пайда болушун эске алып, Европа Биримдиги менен Кыргыз Республикасы Кеңейтилген өнөктөштүк жана кызматташтык жөнүндө макулдашуу боюнча сүйлөшүүлөрдү жүргүзүшкөн; макулдашуу 2019-жылдын июлунда парафталган. Ага 2020-жылы кол коюлат деп күтүлүүдө.

Кыргыз Республикасы ошондой эле 2019-жылдын майында кабыл алынган «Европа Биримдиги жана Борбордук Азия: бекемирээк өнөктөштүк үчүн жаңы мүмкүнчүлүктөр» стратегиясынын өнөктөшү болуп саналат.`,
						},
						{
							Heading: "Жарандык коом менен диалог",
							Intro: `Жарандык коомдун өкүлдөрү адам укуктарын жана сөз эркиндигин илгерилетүүгө жигердүү салым кошуп келишет. Европа Биримдиги мамлекеттик эмес субъекттерди бул процесске катышууга үндөө аркылуу жарандык коомдун ролун чыңдоого умтулат.

Европа Биримдиги жарандык коомду жана адам укуктарын колдоо үчүн колдонгон маанилүү куралдардын бири — Демократия жана адам укуктары боюнча Европалык инструмент (ЕИДПЧ). Бул инструменттин негизги максаттары:`,
							Items: []string{
								"Демократиялык институттарды түзүүгө көмөктөшүү",
								"Адам укуктарын коргоонун соттук жана соттук эмес механизмдерин чыңдоо",
								"Адам укуктарынын сакталышына мониторинг жүргүзүүгө окутуу",
								"Жалпыга маалымдоо каражаттарынын көз карандысыздыгын илгерилетүү",
								"Өлүм жазасын жоюуну колдоо",
								"Аялдардын жана аялуу топтордун укуктарын кеңейтүү",
							},
						},
						{
							Heading: "Өнүктүрүү жаатындагы кызматташтык",
							Intro:   `Өнүктүрүү жаатындагы эки тараптуу кызматташтык 2014–2020-жылдарга арналган, жалпы бюджети 174 миллион евро болгон Көп жылдык индикативдик программага негизделген. Ал үч негизги тармакка багытталган:`,
							Items: []string{
								"Билим берүү",
								"Мыйзамдын үстөмдүгү",
								"Айыл аймактарын комплекстүү өнүктүрүү",
							},
							Outro: `2021–2027-жылдарга арналган жаңы Көп жылдык индикативдик программаны Европа Биримдиги өлкөнүн муктаждыктарын эске алуу жана ага зарыл колдоо көрсөтүү максатында Кыргыз Республикасы менен тыгыз кызматташтыкта иштеп чыгат.

Эки тараптуу программалардан тышкары Кыргыз Республикасы аймактык программалардан да пайда көрөт. Мисалы, Европа Биримдиги Борбордук Азия үчүн Европа Биримдигинин инвестициялык механизми (ИФЦА) аркылуу негизинен суу тармагындагы инвестицияларды колдоо үчүн болжол менен 90 миллион евро грант бөлгөн.`,
						},
						{
							Heading: "Адам укуктары",
							Intro: `Европа Биримдиги адам укуктары, мыйзамдын үстөмдүгү, натыйжалуу башкаруу жана демократиялаштыруу Борбордук Азиянын узак мөөнөттүү саясий туруктуулугунун жана экономикалык өнүгүүсүнүн негизин түзөрүн тааныйт.

Жакында кабыл алынган Европа Биримдигинин Борбордук Азия боюнча стратегиясында Борбордук Азиянын беш өлкөсүнүн баары менен адам укуктары боюнча диалог жүргүзүү пландары да камтылган. Бул диалог төмөнкүлөр үчүн өтө маанилүү:`,
							Items: []string{
								"Өз ара кызыкчылык жараткан маселелерди талкуулоо жана кызматташтыкты тереңдетүү",
								"Европа Биримдигинин адам укуктарына байланыштуу тынчсызданууларын билдирүү",
								"Маалымат чогултуу жана зарыл болгон жерде адам укуктарынын абалын жакшыртуу боюнча демилгелерди баштоо",
							},
							Outro: `Европа Биримдиги 2008-жылдан бери Кыргыз Республикасы менен адам укуктары боюнча жыл сайын эки тараптуу диалог өткөрүп келет. Ошондой эле Европа Биримдиги жарандык коом үчүн ар түрдүү семинарларды уюштуруп, аларга адам укуктары боюнча эксперттер коомчулугунун өкүлдөрүн тартат.`,
						},
					},
					WebsiteLabel: "Европа Биримдигинин Кыргыз Республикасындагы өкүлчүлүгүнүн сайты",
				},
				"en": {
					Meta:      content.Meta{Lang: "en", Status: content.StatusPublished},
					Name:      "European Union",
					ShortName: "EU",
					Summary:   "The European Union funds the project. It has been a partner of the Kyrgyz Republic since 1991 and supports its reforms, democracy and human rights.",
					Description: `The European Union is a unique economic and political union between the 27 EU countries that together cover most of the continent. The European Union’s fundamental values are respect for human dignity and human rights, freedom, democracy, equality and the rule of law. These values unite all the member states, and the European Parliament seeks to ensure that they are realised in EU legislation.

The EU and the Kyrgyz Republic have been partners since the country gained its independence in 1991. From the very beginning of this relationship, the EU has supported Kyrgyzstan in implementing reforms. Sharing common values such as democracy, respect for human rights and free trade, Kyrgyzstan has become an important partner for the EU in Central Asia.`,
					Sections: []content.Section{
						{
							Heading: "Political relations",
							Intro: `The political foundations of the EU’s partnership with the Kyrgyz Republic were laid by the 1999 Partnership and Cooperation Agreement (PCA). The agreement aimed at strengthening the links between the Kyrgyz Republic and the EU.

Taking into account the development of bilateral relations and the emergence of new areas of interaction, the EU and the Kyrgyz Republic negotiated the Enhanced Partnership and Cooperation Agreement (EPCA), which was initialled in July 2019. It is expected to be signed in 2020.

The Kyrgyz Republic is also a partner in the strategy “The European Union and Central Asia: New opportunities for a stronger partnership”, adopted in May 2019.`,
						},
						{
							Heading: "Civil society dialogue",
							Intro: `Civil society actors have been active in promoting human rights and freedom of speech. The EU is committed to strengthening the role of civil society by encouraging non-state actors to become involved in the process.

An important instrument that the EU uses to promote civil society and human rights is the European Instrument for Democracy and Human Rights (EIDHR). The main objectives of the EIDHR are to:`,
							Items: []string{
								"Help set up democratic institutions",
								"Strengthen judicial and non-judicial mechanisms for protecting human rights",
								"Provide training in human rights monitoring",
								"Promote media independence",
								"Support the abolition of the death penalty",
								"Enhance women’s rights and the rights of vulnerable groups",
							},
						},
						{
							Heading: "Development cooperation",
							Intro:   `Bilateral development cooperation is based on the Multiannual Indicative Programme (MIP) for 2014–2020, with a total budget of EUR 174 million. It is focused on three main sectors:`,
							Items: []string{
								"Education",
								"Rule of law",
								"Integrated rural development",
							},
							Outro: `The new MIP for 2021–2027 will be developed by the European Union in close cooperation with the Kyrgyz Republic to address the country’s needs and provide it with the necessary support.

In addition to the bilateral programmes, the Kyrgyz Republic benefits from regional programmes. For instance, through the EU Investment Facility for Central Asia (IFCA) the EU has provided around EUR 90 million in grants to support investments, mainly in the water sector.`,
						},
						{
							Heading: "Human rights",
							Intro: `The EU recognises that human rights, the rule of law, good governance and democratisation underpin the long-term political stability and economic development of Central Asia.

The recently adopted EU–Central Asia Strategy also includes plans for a human rights dialogue with all five Central Asian countries. This dialogue is vital for:`,
							Items: []string{
								"Discussing questions of mutual interest and enhancing cooperation",
								"Raising the EU’s concerns about human rights",
								"Gathering information and launching initiatives to improve the human rights situation where required",
							},
							Outro: `The EU has been holding an annual bilateral dialogue on human rights with the Kyrgyz Republic since 2008. The EU also organises various civil society seminars that bring together people from the community of human rights experts.`,
						},
					},
					WebsiteLabel: "Website of the European Union Delegation to the Kyrgyz Republic",
				},
			},
		},
		{
			Key:      "danilo-dolci",
			Kind:     content.KindNGO,
			Role:     content.RoleImplementer,
			Website:  "https://danilodolci.org",
			Position: 2,
			Texts: map[string]content.OrgText{
				"ru": {
					Meta:    content.Meta{Lang: "ru", Status: content.StatusPublished, NeedsNativeReview: true},
					Name:    "Центр творческого развития «Данило Дольчи»",
					Summary: "Некоммерческая организация из Палермо (Италия), которая работает в сфере образования и распространяет метод взаимной майевтики пацифиста Данило Дольчи. Один из двух партнёров, реализующих проект.",
					Description: `Центр творческого развития «Данило Дольчи» — некоммерческая организация, в которую входят молодые люди и взрослые. Основная сфера её интересов — образование.

Организация выросла из образовательного и практического опыта великого пацифиста Данило Дольчи и его соратников, работавших в Траппето и Партинико — двух небольших городах близ Палермо — и по всей Сицилии. Благодаря народному самоанализу, ненасильственной борьбе и встречам, в которых участвовали тысячи людей, удалось создать условия для настоящих перемен и развития. Первая организация, созданная Данило Дольчи и его соратниками, — Центр исследований и инициатив — была основана в 1950-х годах; её главной целью было содействие социальному, экономическому, культурному и образовательному развитию на местном и региональном (сицилийском) уровне. Затем этот центр был преобразован в Центр творческого развития, главной целью которого стало продвижение метода взаимной майевтики (новаторского подхода, разработанного Данило Дольчи) в школах и образовательных учреждениях, а также обучение учителей и педагогов этой новаторской и гуманной методике образования. После смерти Данило Дольчи в 1998 году организация стала называться Центром творческого развития «Данило Дольчи».`,
					Sections: []content.Section{
						{
							Heading: "Цели",
							Intro:   `Сегодня основные цели организации:`,
							Items: []string{
								"Распространение знаний о жизни и деятельности Данило Дольчи",
								"Содействие образованию детей, молодёжи и взрослых с помощью метода взаимной майевтики",
								"Продвижение метода взаимной майевтики в школах и на международном уровне",
								"Воспитание в духе мира и ненасилия",
								"Обучение групповой работе как инструменту культурного, социального и гражданского развития",
								"Развитие активной гражданской позиции и демократии участия среди молодёжи",
								"Содействие участию всех людей в развитии на уровне местных сообществ",
							},
						},
						{
							Heading: "Деятельность",
							Intro:   `Основные направления деятельности, с помощью которых организация стремится достичь этих целей:`,
							Items: []string{
								"Проведение майевтических семинаров в школах, университетах, организациях и учреждениях",
								"Организация культурных и образовательных мероприятий, рассказывающих о жизни и деятельности Данило Дольчи",
								"Переиздание книг, написанных Данило Дольчи, и составление новых антологий его важнейших произведений",
								"Организация европейских проектов (семинаров, учебных курсов, молодёжных обменов и т. п.) для молодёжи из разных стран на темы ненасилия, мира, активного участия и взаимной майевтики",
								"Организация европейских проектов в сфере образования взрослых с использованием метода взаимной майевтики как основного",
							},
						},
					},
					WebsiteLabel: "Сайт Центра творческого развития «Данило Дольчи»",
				},
				"ky": {
					Meta:    content.Meta{Lang: "ky", Status: content.StatusPublished, NeedsNativeReview: true},
					Name:    "«Данило Дольчи» чыгармачылык өнүгүү борбору",
					Summary: "Палермодогу (Италия) коммерциялык эмес уюм; билим берүү жаатында иштейт жана пацифист Данило Дольчинин өз ара майевтика ыкмасын жайылтат. Долбоорду ишке ашырган эки өнөктөштүн бири.",
					Description: `«Данило Дольчи» чыгармачылык өнүгүү борбору — жаштардан жана чоңдордон турган коммерциялык эмес уюм. Анын негизги кызыкчылык чөйрөсү — билим берүү.

Уюм Палермого жакын жайгашкан Траппето жана Партинико деген эки чакан шаарда, ошондой эле бүтүндөй Сицилия аймагында иштеген улуу пацифист Данило Дольчинин жана анын пикирлештеринин билим берүү жана эмгек тажрыйбасынан жаралган. Элдик өзүн-өзү талдоо, зордук-зомбулуксуз күрөш жана миңдеген адамдар катышкан жолугушуулар аркылуу чыныгы өзгөрүүлөр менен өнүгүү үчүн шарттарды түзүү мүмкүн болгон. Данило Дольчи жана анын пикирлештери түзгөн биринчи уюм — Изилдөөлөр жана демилгелер борбору — 1950-жылдары негизделген; анын негизги максаты жергиликтүү жана аймактык (Сицилия) деңгээлде социалдык, экономикалык, маданий жана билим берүү жаатындагы өнүгүүгө көмөктөшүү болгон. Кийин бул борбор Чыгармачылык өнүгүү борборуна айланган; анын негизги максаты мектептерде жана билим берүү мекемелеринде өз ара майевтика ыкмасын (Данило Дольчи иштеп чыккан жаңычыл ыкма) илгерилетүү, ошондой эле мугалимдерди жана тарбиячыларды билим берүүнүн ушул жаңычыл жана гумандуу методикасына окутуу болгон. Данило Дольчи 1998-жылы дүйнөдөн кайткандан кийин уюм «Данило Дольчи» чыгармачылык өнүгүү борбору деп атала баштаган.`,
					Sections: []content.Section{
						{
							Heading: "Максаттар",
							Intro:   `Бүгүнкү күндө уюмдун негизги максаттары:`,
							Items: []string{
								"Данило Дольчинин өмүрүн жана ишмердигин кеңири таанытуу",
								"Өз ара майевтика ыкмасы аркылуу балдарды, жаштарды жана чоңдорду окутууга көмөктөшүү",
								"Өз ара майевтика ыкмасын мектептерде жана эл аралык деңгээлде илгерилетүү",
								"Тынчтык жана зордук-зомбулуксуз мамиле рухунда тарбиялоо",
								"Топтук ишти маданий, социалдык жана жарандык өнүгүүнүн куралы катары үйрөтүү",
								"Жаштардын арасында жарандык активдүүлүктү жана катышуучу демократияны илгерилетүү",
								"Ар бир адамдын өнүгүүгө жергиликтүү деңгээлде катышуусуна көмөктөшүү",
							},
						},
						{
							Heading: "Иш-аракеттер",
							Intro:   `Уюм бул максаттарга жетүү үчүн төмөнкү негизги иш-аракеттерди жүргүзөт:`,
							Items: []string{
								"Мектептерде, университеттерде, уюмдарда жана мекемелерде майевтикалык семинарларды уюштуруу",
								"Данило Дольчинин өмүрүн жана ишмердигин тааныштырган маданий жана билим берүү иш-чараларын уюштуруу",
								"Данило Дольчи өмүрүндө жазган китептерди кайра басып чыгаруу жана анын эң маанилүү чыгармаларынан жаңы антологияларды түзүү",
								"Ар түрдүү өлкөлөрдүн жаштарын тарткан, зордук-зомбулуксуз мамиле, тынчтык, активдүү катышуу жана өз ара майевтика темаларына арналган европалык долбоорлорду (семинарлар, окуу курстары, жаштар алмашуулары ж. б.) уюштуруу",
								"Өз ара майевтика ыкмасын негизги ыкма катары колдонуп, чоңдорду окутуу жаатында европалык долбоорлорду уюштуруу",
							},
						},
					},
					WebsiteLabel: "«Данило Дольчи» чыгармачылык өнүгүү борборунун сайты",
				},
				"en": {
					Meta:    content.Meta{Lang: "en", Status: content.StatusPublished},
					Name:    "Centre for Creative Development “Danilo Dolci”",
					Summary: "A non-profit organisation from Palermo, Italy, that works in education and spreads the reciprocal maieutic approach of the pacifist Danilo Dolci. It is one of the two partners implementing the project.",
					Description: `The Centre for Creative Development “Danilo Dolci” is a non-profit organisation made up of young people and adults. Its main field of interest is education.

The organisation was born from the educational and working experience of the great pacifist Danilo Dolci and his collaborators, who worked in Trappeto and Partinico, two small towns near Palermo, and throughout the region of Sicily. Through popular self-analysis, nonviolent struggle and meetings that involved thousands of people, it became possible to create the conditions for real change and development. The first organisation created by Danilo and his collaborators, the Centre for Studies and Initiatives, was founded in the 1950s; its main aim was to promote social, economic, cultural and educational development at local and regional (Sicilian) level. This centre later became the Centre for Creative Development, whose main aim was to promote the reciprocal maieutic approach (an innovative approach developed by Danilo Dolci) in schools and educational institutions, and to train teachers and educators in this innovative and humane methodology of education. After Danilo’s death in 1998, the organisation was renamed the Centre for Creative Development “Danilo Dolci”.`,
					Sections: []content.Section{
						{
							Heading: "Aims",
							Intro:   `Today the main aims of the organisation are:`,
							Items: []string{
								"Spread knowledge of the life and work of Danilo Dolci",
								"Promote the education of children, young people and adults through the reciprocal maieutic approach",
								"Promote the reciprocal maieutic approach in schools and at international level",
								"Educate for peace and nonviolence",
								"Teach group work as a tool for cultural, social and civic development",
								"Promote active citizenship and participatory democracy among young people",
								"Promote the grassroots participation of everyone in development",
							},
						},
						{
							Heading: "Activities",
							Intro:   `The main activities through which the organisation pursues these aims are:`,
							Items: []string{
								"Organise maieutic workshops in schools, universities, organisations and institutions",
								"Organise cultural and educational activities that promote the life and work of Danilo Dolci",
								"Republish the books Danilo wrote during his life and compile new anthologies of his most important writings",
								"Organise European projects (seminars, training courses, youth exchanges, etc.) on nonviolence, peace, active participation and reciprocal maieutics that involve young people from different countries",
								"Organise European projects in adult education, using the reciprocal maieutic approach as the preferred method",
							},
						},
					},
					WebsiteLabel: "Website of the Centre for Creative Development “Danilo Dolci”",
				},
			},
		},
		{
			Key:      "social-technologies-agency",
			Kind:     content.KindNGO,
			Role:     content.RoleImplementer,
			Website:  "https://sta.kg",
			Position: 3,
			Texts: map[string]content.OrgText{
				"ru": {
					Meta:      content.Meta{Lang: "ru", Status: content.StatusPublished, NeedsNativeReview: true},
					Name:      "Общественное объединение «Агентство социальных технологий»",
					ShortName: "АСТ",
					Summary:   "Общественное объединение из Бишкека, одна из ведущих женских организаций Кыргызстана: продвигает политику гендерного равенства и самоорганизацию граждан. Реализует проект вместе с Центром творческого развития «Данило Дольчи».",
					Description: `Агентство социальных технологий (АСТ) — общественное объединение, миссия которого — содействовать социальному развитию Кыргызстана через обучение граждан республики и поддержку их социальной активности и самоорганизации.

В своей деятельности АСТ стремится выстраивать конструктивное взаимодействие с государственными органами и организациями гражданского общества и содействовать координации между всеми группами и организациями, заинтересованными в продвижении политики равенства. Все проекты и мероприятия АСТ направлены на работу с конкретными социальными группами (женщинами, этническими меньшинствами, молодёжью, сотрудниками министерств и органов местного самоуправления), чтобы повысить их социальную активность и сформировать навыки самоорганизации, а также укрепить взаимодействие государственных органов с организациями гражданского общества.

Сегодня приоритетная целевая группа АСТ — женщины, способные стать общественными лидерами, а главное внимание уделяется продвижению политики гендерного равенства через взаимодействие с государственными органами на национальном и местном уровнях.

Общественное объединение «Агентство социальных технологий» — одна из ведущих женских неправительственных организаций, которые активно и эффективно работают над продвижением политики гендерного равенства и укреплением женского движения. Именно эксперты Агентства социальных технологий начиная с 2001 года инициировали создание первой в Кыргызстане национальной женской сети «Женщины могут всё!» из числа женщин-лидеров всех регионов республики и в рамках многолетней программы БДИПЧ ОБСЕ (2001–2006) оказывали методическую, экспертную, техническую, информационную и организационную поддержку становлению и развитию этой сети. Сегодня участницы сети — партнёры АСТ в регионах.

АСТ выступало локомотивом и «мозговым центром» лоббистских кампаний за гендерные квоты в избирательном законодательстве, за сохранение в Конституции принципа светскости государства, за сохранение уголовной ответственности за многожёнство, за совершенствование гендерного законодательства и за выделение в структуре правительства уполномоченного органа по гендерной политике.`,
					WebsiteLabel: "Сайт общественного объединения «Агентство социальных технологий»",
				},
				"ky": {
					Meta:    content.Meta{Lang: "ky", Status: content.StatusPublished, NeedsNativeReview: true},
					Name:    "«Социалдык технологиялар агенттиги» коомдук бирикмеси",
					Summary: "Бишкектеги коомдук бирикме, Кыргызстандагы алдыңкы аялдар уюмдарынын бири: гендердик теңчилик саясатын жана жарандардын өз алдынча уюшулушун илгерилетет. Долбоорду «Данило Дольчи» чыгармачылык өнүгүү борбору менен бирге ишке ашырат.",
					Description: `«Социалдык технологиялар агенттиги» — коомдук бирикме; анын миссиясы — республиканын жарандарын окутуу, алардын коомдук активдүүлүгүн жана өз алдынча уюшулушун колдоо аркылуу Кыргызстандын социалдык өнүгүүсүнө көмөктөшүү.

Агенттик өз ишинде мамлекеттик органдар жана жарандык коом уюмдары менен конструктивдүү өз ара аракеттенүүнү курууга жана теңчилик саясатын илгерилетүүгө кызыкдар бардык топтор менен уюмдардын ортосундагы координацияга көмөктөшүүгө умтулат. Агенттиктин бардык долбоорлору жана иш-чаралары белгилүү бир социалдык топтор (аялдар, этникалык азчылыктар, жаштар, министрликтердин же жергиликтүү өз алдынча башкаруу органдарынын кызматкерлери) менен иштөөгө багытталган; алардын максаты — бул топтордун коомдук активдүүлүгүн жогорулатуу жана өз алдынча уюшулуу көндүмдөрүн калыптандыруу, ошондой эле мамлекеттик органдардын жарандык коом уюмдары менен өз ара аракеттенүүсүн чыңдоо.

Азыркы учурда Агенттиктин артыкчылыктуу максаттуу тобу — коомдук лидер боло ала турган аялдар, ал эми негизги көңүл улуттук жана жергиликтүү деңгээлдеги мамлекеттик органдар менен өз ара аракеттенүү аркылуу гендердик теңчилик саясатын илгерилетүүгө бурулат.

«Социалдык технологиялар агенттиги» коомдук бирикмеси — гендердик теңчилик саясатын илгерилетүү жана аялдар кыймылын чыңдоо үчүн жигердүү жана натыйжалуу иштеп жаткан алдыңкы аялдар өкмөттүк эмес уюмдарынын бири. Дал ушул Агенттиктин эксперттери 2001-жылдан баштап республиканын бардык аймактарындагы аял лидерлердин катарынан Кыргызстандагы биринчи улуттук аялдар тармагын — «Аялдар баарын жасай алат!» тармагын түзүүнү демилгелешкен жана ЕККУнун Демократиялык институттар жана адам укуктары боюнча бюросунун көп жылдык программасынын (2001–2006) алкагында бул тармактын түзүлүшүнө жана өнүгүшүнө методикалык, эксперттик, техникалык, маалыматтык жана уюштуруучулук колдоо көрсөтүшкөн. Бүгүнкү күндө тармактын мүчөлөрү — Агенттиктин аймактардагы өнөктөштөрү.

Агенттик шайлоо мыйзамдарында гендердик квоталарды киргизүү, Конституцияда мамлекеттин светтик принцибин сактап калуу, көп аялдуулук үчүн кылмыш жоопкерчилигин сактоо, гендердик мыйзамдарды өркүндөтүү жана өкмөттүн түзүмүндө гендердик саясат боюнча ыйгарым укуктуу органды бөлүп чыгаруу боюнча лоббилөө кампанияларынын кыймылдаткыч күчү жана «мээ борбору» болгон.`,
					WebsiteLabel: "«Социалдык технологиялар агенттиги» коомдук бирикмесинин сайты",
				},
				"en": {
					Meta:      content.Meta{Lang: "en", Status: content.StatusPublished},
					Name:      "Public Association “Social Technologies Agency”",
					ShortName: "STA",
					Summary:   "A public association from Bishkek and one of Kyrgyzstan’s leading women’s organisations, working for gender equality policy and the self-organisation of citizens. It implements the project together with the Centre for Creative Development “Danilo Dolci”.",
					Description: `The Social Technologies Agency (STA) is a public association whose mission is to promote the social development of Kyrgyzstan by training citizens of the republic and supporting their social activity and self-organisation.

In its work, STA seeks to build constructive interaction with government agencies and civil society organisations, and to facilitate coordination between all groups and organisations interested in promoting equality policy. All projects and activities conducted by STA work with specific social groups (women, ethnic minorities, young people, employees of ministries or local governments) in order to increase their social activity and build their self-organisation skills, as well as to strengthen the interaction of state bodies with civil society organisations.

Currently, STA’s priority target group is women who can become social leaders, and its main focus is on promoting gender equality policy through interaction with government bodies at the national and local levels.

The Public Association “Social Technologies Agency” is one of the leading women’s non-governmental organisations working actively and effectively to promote gender equality policies and strengthen the women’s movement. It was experts of the Social Technologies Agency who, starting in 2001, initiated the creation of the first national women’s network in Kyrgyzstan, “Women Can Do It!”, from among women leaders in all regions of the republic, and who, within the multi-year programme of the OSCE ODIHR (2001–2006), provided methodological, expert, technical, informational and organisational support for the establishment and development of this network. Today, the network’s members are STA’s partners in the regions.

STA acted as the driving force and think tank of lobbying campaigns for gender quotas in electoral law, for keeping the principle of the secular state in the Constitution, for keeping criminal penalties for polygamy, for improving gender legislation and for designating an authorised gender policy body within the government.`,
					WebsiteLabel: "Website of the Social Technologies Agency",
				},
			},
		},
	}
}
