# ruff: noqa: E501
"""The hand-written demo set that `load_demo_stories` loads: what a new site looks like on day one.

Every story here is invented for the demo; businesses are fictional or generic. Bodies keep one
paragraph per line so the prose reads as prose. A few pending stories carry what a moderator
must notice (an email address, a phone number, a very short text) so the queue shows its signals.
"""

DEMO_STORIES = [
    dict(title="A birthday cake at two in the morning",
        category="restaurants-hospitality", business="Hotel Rio Alfama", place="Lisbon, Portugal",
        happened_on="2024-08", display_name="The Okafor family", status="approved", featured=True,
        body="""Our flight from Lagos was delayed by six hours, and by the time the taxi dropped us at the hotel it was nearly two in the morning. It was also, technically, our daughter Ada's seventh birthday. She had been promised a cake in Lisbon, and she had spent the whole delay asking whether it still counted if you were asleep.

The night porter, a quiet man called Rui, heard all of this while he was finding our keys. He didn't say much. He asked us to wait two minutes and disappeared behind the breakfast room door.

He came back with a chocolate muffin on a saucer, a single tea light stuck in the top, and a paper napkin folded into a crown. Then he sang happy birthday in Portuguese, very softly so as not to wake the other guests, and Ada joined in with the English words a beat behind him.

She is nine now and she still tells people that her best birthday cake was a muffin. We went back last summer and asked for Rui. He was on holiday, so we left a drawing for him at the desk. I hope someone passed it on.""",
    ),
    dict(title="The hardware store man who drew me a diagram",
        category="retail", business="Pike & Sons Hardware", place="Duluth, Minnesota, USA",
        happened_on="2025-03", display_name="Dan", status="approved", featured=False,
        body="""I want to be clear that I am not a handy person. When the kitchen tap started dripping I watched one video, felt confident, and went to Pike & Sons to buy "the washer thing".

I bought the wrong washer. I went back the next day and bought the wrong cartridge. On the third visit, holding a bag of parts and the remains of my dignity, I was served by an older man with reading glasses on a cord.

He didn't laugh, although he had every right to. He took a brown paper bag off the counter, drew my tap on it from memory after asking me three questions, and labelled every part. One arrow said "THIS bit" and another said "NOT this bit, Dan", underlined twice. He put the right cartridge in the bag, wrote his extension number on the bottom and told me to ring him if the water did anything surprising.

The tap has not dripped since. The paper bag is pinned inside the cupboard under the sink, and when my neighbour had the same problem last month I lent it to her. She says the diagram is very clear.""",
    ),
    dict(title="Counting coins for a present",
        category="retail", business="FreshWay supermarket", place="Guadalajara, Mexico",
        happened_on="", display_name="", status="approved", featured=False,
        body="""In the queue ahead of me was a boy of about eight with a small bottle of perfume and a sock full of coins. He tipped the coins onto the belt and started counting them out loud, very carefully, while the queue grew behind us.

The cashier did not hurry him once. She counted with him, in a whisper, and when he came up short she said the perfume was on a special offer that day, which I am fairly sure it was not. Then she found a scrap of gift ribbon under the till and showed him how to tie a bow.

He said it was for his mother. I hope she liked it. I certainly liked watching it.""",
    ),
    dict(title="The night nurse who did Dad's crossword",
        category="healthcare", business="St Columba's Hospital, Ward 7", place="Glasgow, Scotland",
        happened_on="2024-02", display_name="Helen", status="approved", featured=True,
        body="""My father did the cryptic crossword every single day for fifty-one years. He did it on holiday, he did it on the morning of my wedding, and he did it in pen because he said pencil was for people who planned to be wrong.

In his last weeks on Ward 7 his eyes were too poor to read the clues, and I think losing the crossword upset him more than anything the doctors told him. I could read him the clues in the afternoons, but I am hopeless at them, and he would get cross with me for reading them badly.

One of the night nurses, Grace, noticed the folded newspaper on his table. She asked him about it, and he told her, rather grandly, that it was the only puzzle in the country worth doing. The next night she came in on her break with a printout of that day's grid and a pen, and read him the clues one at a time.

She was not very good at it either, to be honest. But Dad loved explaining them to her. He would say the answer, then walk her through why, how the anagram worked, which word was the definition. She would write it in and say "that's outrageous" at the sneaky ones, which made him laugh.

Word got round the ward. A healthcare assistant started stopping by the bed with clues from other papers to test him, and one of the porters, who turned out to be a crossword man himself, would shout an answer through the door on his way past, usually the wrong one. Dad pretended to find this annoying and was obviously delighted. For an hour a night he was not a patient, he was the expert in the room.

She did this most nights for three weeks, on her break, when she could have been sitting down with a cup of tea. When I thanked her she said he was teaching her something, so it was a fair trade. I found out later from the ward sister that Grace had been doing twelve-hour shifts that month because they were short of staff. She never mentioned it. She never once looked at her watch in front of him.

There are a hundred things I remember about those weeks that I would rather forget: the beeping machines, the forms, the conversations in the corridor. The crossword is the thing I choose to remember instead.

On his last evening they finished the crossword together, all but one clue. She left it blank. I still have that grid. Grace, if you ever read this: the answer to seventeen across was "patience", and you had plenty of it.""",
    ),
    dict(title="Northline Rail and the violin that went to Edinburgh without me",
        category="travel", business="Northline Rail", place="York to Edinburgh, UK",
        happened_on="2025-05", display_name="Tomasz", status="approved", featured=True,
        body="""I play in a student orchestra and I was travelling home for a concert. I got off at York to change trains, and as the doors closed I realised my violin was still on the luggage rack. It is not an expensive instrument, but it was my grandfather's, and I felt sick.

I ran to the information desk with my heart going like a drum. The woman there, in a Northline jacket, asked for the train, the coach letter and a description of the case, and picked up a radio. She spoke to the guard on the train while I stood there trying not to cry in public.

The guard found the case within ten minutes. He sent a message that he would hand it to the station team in Edinburgh and that it would be kept in the office, not in lost property, "because it sounded important". The woman at the desk wrote everything down on the back of a timetable for me, changed my ticket so I could travel on to Edinburgh that evening at no cost, and told me to ask for a man called Stuart.

Stuart was waiting for me when I arrived, with the case on a chair beside him like it had its own seat. He asked me to open it to check nothing was damaged, and then asked me to play something, so I played a bit of a folk tune on the concourse at nine at night. Two cleaners clapped.

Looking back, what strikes me is that none of them treated it as a nuisance. Three people in two cities, all at the end of a long day, passed a battered violin case along like it mattered, because it mattered to me. Nobody asked whether it was insured. Nobody told me I should have been more careful, which I should have been.

I played the concert the next day. I wrote to Northline afterwards and they said they would pass my thanks to all three of them. I wanted to say it somewhere more public as well.""",
    ),
    dict(title="He learned to sign 'coffee, no sugar'",
        category="restaurants-hospitality", business="Lakeside Diner", place="Rochester, New York, USA",
        happened_on="2023-10", display_name="Jonah R.", status="approved", featured=False,
        body="""I am deaf and I usually order by pointing at the menu, which works fine but always feels a little like a game of charades nobody asked to play.

I have breakfast at the Lakeside Diner most Saturdays. About a year ago one of the young waiters, Marcus, came to my table and signed "good morning" and then "coffee?" He was slow and a couple of the shapes were wrong, but I understood him perfectly.

He told me, in a mix of signs and writing on his order pad, that he had been learning from videos on his bus ride to work, because he had noticed me and wanted to be able to talk. Every few weeks he has a new word. Last month he asked me how to sign "pancakes", and now half the staff can do it.

It is a small thing, a few words. But I can tell you that it is not small to be the person on the other side of it.""",
    ),
    dict(title="Soup for the voice",
        category="restaurants-hospitality", business="a pub on Quay Street", place="Galway, Ireland",
        happened_on="2024-01", display_name="", status="approved", featured=False,
        body="""I had a rotten cold and a sore throat and I went into a pub near the harbour mainly to get out of the rain. I croaked an order for chips and a pot of tea.

A few minutes later a bowl of chicken broth arrived as well. I said I hadn't ordered it. The barman said the cook had heard me from the kitchen and that the soup was "for the voice, not for the bill".

I have no idea who the cook was. The soup was excellent and my voice was back by Tuesday.""",
    ),
    dict(title="The pharmacy on Elm Street kept its lights on",
        category="healthcare", business="the pharmacy on Elm Street", place="Springfield, Ohio, USA",
        happened_on="2025-01", display_name="Carla M.", status="approved", featured=False,
        body="""My son has type 1 diabetes and I had made a mistake with his prescription refill. By the time I realised, it was ten to six on a Friday and his insulin would run out over the weekend.

I rang the pharmacy on Elm Street while driving there, fully expecting to hear a recorded message. The pharmacist picked up, listened, and said she would wait.

I got there at twenty past six. The shutters were half down and the lights were still on. She had already called the doctor's out-of-hours line, sorted out the paperwork, and had the insulin ready in a bag with two ice packs. She also gave me a little card with the date of the next refill written on it in big letters, "so you don't have to remember".

She was missing her own Friday evening for a family she sees once a month. I haven't forgotten it.""",
    ),
    dict(title="The receptionist who rang back",
        category="healthcare", business="a GP surgery", place="Cardiff, Wales",
        happened_on="2024-09", display_name="", status="approved", featured=False,
        body="""I had been trying to get an appointment for my mum for a week and I lost my patience on the phone with the receptionist. I wasn't rude exactly, but I wasn't kind.

At half past six that evening my phone rang. It was the same receptionist, after her shift had ended, to say that someone had cancelled for eight the next morning and she had put my mum's name down before anyone else could take it.

She didn't mention how I had spoken to her earlier. I did, and I apologised, and she said everyone is worried about somebody.""",
    ),
    dict(title="A thumbs-up in the dentist's chair",
        category="healthcare", business="Tandartspraktijk De Linde", place="Utrecht, Netherlands",
        happened_on="2023-06", display_name="Sanne", status="approved", featured=False,
        body="""I have been frightened of dentists since I was a child, to the point of not going for six years. When a tooth finally forced me in, I told the receptionist on the phone how anxious I was, half hoping she would say I could not come.

Instead the dentist called me back the same afternoon. She asked what exactly scared me. I said it was not being able to speak with my mouth open, not knowing what was coming next.

When I arrived, she had a plan. Before each step she told me what she was going to do and how long it would take, in seconds. We agreed that if I raised my left hand she would stop immediately, no questions asked. I raised it twice, and both times she stopped, took the instruments out, and waited until I gave her a thumbs-up.

It took longer than it needed to. She never once made me feel that I was wasting her time. I have been back for a check-up since, and I only raised my hand once.""",
    ),
    dict(title="The bus that waited for the pram",
        category="travel", business="the number 42 bus", place="Melbourne, Australia",
        happened_on="", display_name="Bec", status="approved", featured=False,
        body="""I was running for the 42 with a pram, a nappy bag and a screaming baby, and I watched the bus pull away from the stop. I stopped running and just stood there.

Then it stopped again, twenty metres up the road, and the driver opened the doors. When I got on, red in the face, she said "no rush, love, I've got a timetable, not a train to catch," and waited until the pram was locked in before she moved.

It was a terrible morning that got a lot better.""",
    ),
    dict(title="A gate agent lent me her phone charger",
        category="travel", business="Skyward Air", place="Frankfurt, Germany",
        happened_on="2024-12", display_name="Aaron", status="approved", featured=False,
        body="""My connection in Frankfurt was cancelled on the twenty-third of December. Several hundred people were trying to get home for Christmas, and the queue at the transfer desk went round a corner and out of sight. My phone was on three percent, and my boarding passes, my hotel booking and my only way of telling my family what was happening were all on it.

When I finally got to the front, the gate agent looked as tired as anyone I have ever seen. She found me a seat on a flight the next morning, booked me into a hotel near the airport, and printed everything on paper without my asking, because she had noticed my phone was dead.

Then she reached under the desk, unplugged her own charger and handed it to me. She said she had a spare in her locker and that I could leave it with the hotel if I remembered. I said I would post it back. She laughed and said nobody had ever managed that, so I should not feel bad.

I did post it back, in a padded envelope with a card and a bar of chocolate, addressed to "the gate agent with the green scarf, transfer desk, Skyward Air". I have no idea whether it reached her. I like to think someone in the office worked it out.

I got home on Christmas Eve in time for dinner. My mother asked who I was texting from the hotel, and I said nobody, I was just glad to have battery.""",
    ),
    dict(title="Official lookout on the ferry",
        category="travel", business="Fjordline ferries", place="Bergen, Norway",
        happened_on="2023-07", display_name="Ingrid", status="approved", featured=False,
        body="""Our son gets seasick, and forty minutes into a three-hour crossing he was pale, miserable and convinced he was going to die.

A deckhand saw us hunched by the window. He crouched down and explained to my son, very seriously, that the best cure for seasickness was to look at the horizon, and that the ferry happened to need an official lookout for porpoises. Did he know anyone who might be suitable?

He took him up to the outside deck, gave him a clipboard with a tally chart on it, and checked in on him every twenty minutes to ask for a report. My son saw no porpoises. He did record eleven seagulls, one boat "with a red bit" and a very big wave. He was not sick again.

At the end of the trip the deckhand signed the clipboard. It is framed in his bedroom.""",
    ),
    dict(title="Forty minutes on hold, and then Daniel",
        category="phone-online-support", business="Brightwave Broadband", place="Manchester, UK",
        happened_on="2025-02", display_name="", status="approved", featured=False,
        body="""I work from home and my internet had gone down on the morning of an important call. I was on hold with Brightwave for forty minutes, listening to the same twenty seconds of piano, and by the time a person answered I was ready to be very unpleasant.

The person was Daniel, and he got in first: "I'm sorry you've been waiting so long, that's not good enough, let's get you sorted." It is very hard to shout at someone who has already agreed with you.

He walked me through resetting the router, then through resetting it properly, then through finding the cable behind the sofa that my cat had chewed halfway through. When I told him about the cat he laughed and told me his own cat once sat on his keyboard during a shift and put a customer on hold for a minute.

He arranged for a new cable to be sent next day, and in the meantime talked me through setting up a hotspot on my phone so I could make my call. He stayed on the line until it was working. I made the meeting with two minutes to spare.

The survey afterwards only had five stars, which did not seem like enough.""",
    ),
    dict(title="A note with the refund",
        category="phone-online-support", business="Parcelly online shop", place="Auckland, New Zealand",
        happened_on="2024-05", display_name="Mere", status="approved", featured=False,
        body="""I had ordered a birthday present for my grandmother, a blanket in her favourite shade of blue. It arrived a week after she died.

I opened a chat with the shop to ask how to return it, and typed the reason without really thinking about it. The agent, whose name was Jess, refunded me straight away and told me there was no need to send anything back.

Then she wrote a few lines I was not expecting. She said she was sorry, that she hoped the blanket might keep someone in the family warm, and that her own grandmother used to call blue "the colour of calm".

I kept the blanket. It is on the back of my sofa and I think of both of them when I use it.""",
    ),
    dict(title="Teaching my grandad to video call, with help",
        category="phone-online-support", business="Hearth Video support line", place="Toronto, Canada",
        happened_on="2024-10", display_name="Li Wei", status="approved", featured=False,
        body="""My grandfather is eighty-seven and lives alone in Toronto; the rest of us are scattered over three continents. We bought him a tablet so he could see the great-grandchildren, and none of us could be there to set it up.

He rang the support number on the box. He told me later that he apologised to the man who answered for being "an old fool with a machine". The man, Andre, told him there was no such thing, only people who had not been shown yet.

Andre stayed on the phone for nearly an hour. He had my grandfather describe every screen, and waited while he found his glasses. When they ran out of time, Andre asked when would suit him to continue, and rang him back the next evening at six, as promised.

By the end of the second call my grandfather could make a video call, switch the camera round to show us his tomatoes, and put the tablet on mute, which he now does whenever he disagrees with someone. We talk every Sunday. He always mentions Andre.""",
    ),
    dict(title="The teller who asked one more question",
        category="banking-insurance", business="Riverside Savings", place="Cork, Ireland",
        happened_on="2024-04", display_name="Siobhán", status="approved", featured=False,
        body="""My mother is seventy-nine, sharp as a tack, and proud of managing her own affairs. One Thursday she went into her bank to withdraw four thousand euro in cash. She had had a phone call from someone who sounded like my nephew, saying he was in trouble abroad and could she please not tell his parents.

The teller, a young woman, asked what the money was for. My mother said it was for a family matter. The teller said that was perfectly fine, and then asked, gently, whether the family member had asked her to keep it a secret.

My mother told me afterwards that this was the moment she felt a cold drop in her stomach. The teller brought her into a side room and made her a cup of tea. She explained that this was a scam they saw often, and suggested my mother ring my nephew on the number she already had for him, not the number that had called her.

My nephew was at home in Limerick, eating his dinner, and very confused.

What I am most grateful for is how it was handled. My mother did not feel stupid or old. The teller told her that clever people are targeted precisely because they handle their own money, and that asking questions was her job, not an insult. My mother tells this story to all her friends now, as a warning, and she always ends with the teller's kindness.""",
    ),
    dict(title="The claims adjuster who brought sandbags",
        category="banking-insurance", business="Harbour Mutual Insurance", place="Brisbane, Australia",
        happened_on="2022-03", display_name="Greg and Anita", status="approved", featured=False,
        body="""After the floods our ground floor had a metre of mud in it and we were dreading the insurance process. We had heard all the stories.

The adjuster from Harbour Mutual arrived on a Saturday, which she didn't have to do. She had sandbags in the back of her car because more rain was forecast, and she helped Greg stack them along the back door before she even opened her notebook.

She photographed everything, told us exactly what to keep and what we could throw out, and gave us a list in plain English of what would happen next and when. When Anita got upset over a box of ruined photographs, the adjuster sat down on the step with her and told her about a service that could sometimes save water-damaged prints.

The claim took time, as they do. But every time we rang, someone knew who we were. That Saturday set the tone for all of it.""",
    ),
    dict(title="She translated my bank forms on her lunch break",
        category="banking-insurance", business="a bank branch on Rynek Square", place="Kraków, Poland",
        happened_on="2023-11", display_name="Oksana", status="approved", featured=False,
        body="""I had just moved to Kraków for work and needed a bank account to be paid. My Polish was about twenty words, and the forms were four pages long.

The clerk spoke some English but I could see the queue behind me getting longer. She asked if I could come back at one o'clock. I thought she was getting rid of me.

At one o'clock she was waiting with the forms and a sandwich. She went through every line, translated each one into English on a sticky note, and taught me how to say "account number" and "thank you very much". The account was open before her lunch break was over. I now bank there out of loyalty, and my Polish has improved to about two hundred words.""",
    ),
    dict(title="The librarian who found me a quiet room",
        category="public-services", business="the city library", place="Durban, South Africa",
        happened_on="2024-06", display_name="Sipho", status="approved", featured=False,
        body="""I was out of work for most of last year. I did not have a computer at home, so I used the ones at the library to apply for jobs. The librarian on the second floor, Mrs Naidoo, got to know me well.

She showed me how to save my CV so I didn't have to type it every time. She pointed out spelling mistakes without making me feel bad. When I told her I had finally got an interview, by video, she was as pleased as if it was her own.

The problem was that the interview was at ten in the morning and the computers are in an open room with people coming and going. She found me a small meeting room, set up a laptop, and tested the camera with me the day before. On the morning she put a sign on the door that said "Interview in progress. Please be quiet. Good luck Sipho."

I got the job. I went back with a box of biscuits for the staff. The sign is still in my wallet.""",
    ),
    dict(title="A parcel re-wrapped at the post office",
        category="public-services", business="the post office on Rue Saint-Denis", place="Montreal, Canada",
        happened_on="2023-12", display_name="", status="approved", featured=False,
        body="""I brought a Christmas parcel for my sister in Lyon to the post office, wrapped, I thought, quite well. The clerk weighed it, looked at it, and asked if there was anything fragile inside. There was: a ceramic bowl I had made in a class.

She told me kindly that it would not survive the journey. Then she took the whole thing apart, padded the bowl with bubble wrap from behind the counter, found a sturdier box, and re-taped it, all while the queue waited, and charged me only for the postage.

The bowl arrived in one piece. My sister uses it for fruit.""",
    ),
    dict(title="The bin crew and my wedding ring",
        category="public-services", business="the city waste collection crew", place="Bristol, UK",
        happened_on="2025-04", display_name="Priya", status="approved", featured=False,
        body="""I take my wedding ring off to knead bread. One Monday morning I wrapped the crusts and scraps from the kitchen counter in a paper towel, threw them into the bin bag, and took the bag out to the kerb. An hour later I reached for my ring and it was not there.

I ran outside in my slippers just as the lorry turned into the next street. I caught up with it, completely out of breath, and tried to explain. I expected to be told that there was nothing they could do.

The driver turned off the engine. The three of them asked me what the bag looked like. Then, in the drizzle, they opened up the back of the lorry and went through the last few bags they had loaded, one by one, while I stood on the pavement apologising to everyone who walked past.

One of them found the paper towel, unwrapped it with his gloves on, and held up the ring like it was a trophy. People on the street actually cheered. He said they'd found false teeth once, so this was nothing.

They were behind on their round because of me. I wrote to the council to tell them, and I leave a thank-you card on the bin every Christmas now.""",
    ),
    dict(title="The passport officer who stayed late",
        category="public-services", business="the regional passport office", place="Pune, India",
        happened_on="2024-07", display_name="Rohan", status="approved", featured=False,
        body="""My father was very ill abroad and I needed an emergency passport. I arrived at the regional office with my documents at half past four, thirty minutes before closing, in a state.

The officer at the counter could have told me to come back in the morning. Instead she checked every document, found one missing page I had not known about, and waited while my wife sent it from home. She stayed after the doors closed to finish the application, and told me exactly when and where to collect the passport.

I flew two days later and saw my father in time. I never learned her name, but I think of her whenever I see that blue cover.""",
    ),
    dict(title="The locksmith who charged the day rate at midnight",
        category="other", business="Andersson Lås", place="Gothenburg, Sweden",
        happened_on="2023-02", display_name="Karin", status="approved", featured=False,
        body="""I locked myself out at eleven at night, in February, in a thin jacket, after a colleague's leaving party. The first locksmith I rang quoted a price that made me sober up on the spot.

The second, a small family firm, sent a man within twenty minutes. He had me inside in three. When I asked what I owed, he charged the normal daytime rate, and said night prices were for people who locked themselves out on purpose.

Before he left he noticed my elderly neighbour's light was on and her door was ajar, and asked whether I thought she was all right. We knocked together. She was fine, just letting the cat in. He waited until she had closed and locked it.""",
    ),
    dict(title="The vet nurse who sat on the floor with us",
        category="other", business="Camps Bay Veterinary Clinic", place="Cape Town, South Africa",
        happened_on="2024-11", display_name="Nadia", status="approved", featured=False,
        body="""Our old dog, Biscuit, was fourteen and very tired, and we had made the hardest decision. The clinic was busy that afternoon, with puppies barking in the waiting room, and I was dreading walking through it.

The vet nurse met us in the car park. She took us in through a side door to a small room with the lights turned down and a blanket on the floor. She didn't rush us. She said that many dogs are happier on the floor than on a table, and she sat down on the blanket with us, cross-legged, and stroked Biscuit's ears while we talked about him.

When it was time, she explained every step before it happened. Afterwards she left us alone for as long as we wanted, and when we came out she had cut a little clip of his fur and put it in an envelope with his name on it.

A week later a handwritten card arrived, signed by everyone at the clinic. It said he had been a very good boy. He was.""",
    ),
    dict(title="The mechanic who taught my daughter to change a tyre",
        category="other", business="Ferreira's Garage", place="Porto Alegre, Brazil",
        happened_on="2025-06", display_name="Marcos", status="approved", featured=False,
        body="""My daughter had just passed her driving test when she got a flat tyre on her way to university. She limped the car into a small garage near the campus and rang me in a panic.

The owner could have changed it in five minutes and charged her for it. Instead he asked if she had ever done it herself. She said no. He said "today, then", and talked her through it step by step, with his hands in his pockets, only stepping in when a wheel nut refused to move.

He charged her for the puncture repair and nothing else. She now checks her tyre pressure every Sunday and lectures me about mine.""",
    ),
    dict(title="Exact change, and a smile",
        category="retail", business="the corner newsagent", place="Cologne, Germany",
        happened_on="", display_name="", status="approved", featured=False,
        body="""I was twenty cents short for a bottle of water on a hot day and started putting it back. The man behind the counter shook his head, pushed it across to me and said, "Next time you pay me twenty cents extra." I did, the next morning. He looked genuinely surprised.""",
    ),
    dict(title="The tailor at the back of the department store",
        category="retail", business="Harlow's department store", place="Leeds, UK",
        happened_on="2024-11", display_name="Margaret H.", status="approved", featured=False,
        body="""I was on my way to my grandson's graduation when a button came off my good coat. I went into Harlow's on the way to the station, hoping to buy a safety pin at least.

The young man on the haberdashery counter looked at the coat, looked at the clock, and took me to the alterations room at the back. The tailor there sewed the button on properly, reinforced the others while she was at it, and gave the coat a quick press. It took eight minutes. She would not take any money, and told me to enjoy the day.

My grandson says I looked very smart in the photographs. I did.""",
    ),
    dict(title="Please tell the manager about Rosa",
        category="retail", business="Greenleaf Garden Centre", place="Valencia, Spain",
        happened_on="2025-07", display_name="Elena", status="pending", featured=False,
        body="""I use a wheelchair and garden centres are not always easy. Last month at Greenleaf a member of staff called Rosa saw me trying to reach the seed packets on the top rack and spent half an hour with me, pushing a trolley, reading out labels and loading everything into my car.

She also told me which plants would grow well in raised beds, which I hadn't thought to ask. My balcony is full of herbs now.

I would love the manager to know how good she was. If anyone from Greenleaf reads this, please write to me at elena.gardens@example.com and I will happily say it again in person.""",
    ),
    dict(title="The café that kept my lost wallet",
        category="restaurants-hospitality", business="The Copper Kettle café", place="London, UK",
        happened_on="2025-08", display_name="", status="pending", featured=False,
        body="""I left my wallet on a table at a café near the station and only noticed on the train. It had my cards, my driving licence and a photo of my late wife that I have carried for twenty years.

When I rang, the owner had already put it in the safe. She had also found my address on the licence and was going to post it to me that evening if nobody called.

I went back the next day with flowers. Anyone passing should stop in, and if you want to check their opening hours the number is 020 7946 0321. Best scones in the area, and honest people.""",
    ),
    dict(title="Thank you to the taxi driver",
        category="travel", business="", place="Nairobi, Kenya",
        happened_on="", display_name="", status="pending", featured=False,
        body="""The taxi driver who took me to the airport found my passport on the back seat after he dropped me off and drove back through the traffic to bring it to me at departures. I made my flight. Thank you, whoever you are.""",
    ),
    dict(title="The midwife who sang",
        category="healthcare", business="Rosehill Maternity Unit", place="Adelaide, Australia",
        happened_on="2025-05", display_name="Jess and Tom", status="pending", featured=False,
        body="""Our daughter arrived after a very long night, and by four in the morning I was exhausted and frightened. The midwife on shift, Aroha, had a way of making the room feel calm just by walking into it.

At one point, when I was struggling, she asked if music helped me. I said I didn't know. She started humming a song her own mother used to sing, very quietly, and told me to breathe with the tune. It sounds strange now but it worked. Tom joined in, badly, and I laughed for the first time in hours.

When our daughter was born Aroha was the first person to say her name out loud. We wanted to thank her properly, but her shift ended and we never saw her again.""",
    ),
    dict(title="An online chat that saved my holiday",
        category="phone-online-support", business="Wanderbook travel bookings", place="Athens, Greece",
        happened_on="2025-06", display_name="Chris P.", status="pending", featured=False,
        body="""Our apartment booking in Athens turned out not to exist when we arrived at eleven at night with two tired children. I opened the chat on the booking site expecting a bot.

A real person, Nikos, answered within a minute. He found us a family room in a hotel ten minutes' walk away, paid the difference himself through the company, and stayed in the chat until we sent him a photo of the children asleep. The rest of the week was perfect.""",
    ),
    dict(title="The council worker who fixed our street light",
        category="public-services", business="the town council", place="Dunedin, New Zealand",
        happened_on="2025-04", display_name="", status="pending", featured=False,
        body="""Our street light had been out for months and the footpath outside the school was pitch dark in winter. I reported it online twice and heard nothing, so I rang the council, fully prepared for an argument.

The woman I spoke to, Hine, looked up the reports while I waited. She was honest that they had been lost between two departments. She said she would walk it over to the right desk herself at lunchtime.

Two days later the light was fixed. The next week she rang me to check it was still working, and to ask whether there were any other lights out on the way to the school. There were two. They were fixed by Friday.""",
    ),
    dict(title="My claim handler, Mrs Janet Whitcombe of 14 Ash Grove",
        category="banking-insurance", business="Oakshield Insurance", place="Swindon, UK",
        happened_on="2025-02", display_name="Paul", status="changes_requested", featured=False,
        note="Thank you for this lovely story! Could you remove Janet's surname and home address? We only publish first names of staff, and never where anyone lives.",
        body="""When our car was written off, Janet at Oakshield handled our claim from start to finish. She rang us every few days with an update even when there was nothing new, because she knew we were worried.

She found out our son had a hospital appointment that week and arranged a hire car the same afternoon so we could take him. She even remembered to ask how the appointment went.

I met her by chance in the shop near her house at 14 Ash Grove and thanked her again. She deserves a promotion.""",
    ),
    dict(title="Best plumbing deals in the city",
        category="other", business="QuickFlow Plumbing", place="Phoenix, Arizona, USA",
        happened_on="", display_name="QuickFlow Team", status="rejected", featured=False,
        reason="spam",
        note="We only publish stories from customers about kindness they received. This reads as an advert for the business, so we cannot publish it.",
        body="""At QuickFlow Plumbing we believe every customer deserves kindness. That is why we offer same-day call-outs, fair prices and a smile with every repair. Our team has fixed thousands of leaks across the valley and our customers love us.

Book now for twenty percent off your first visit, and ask about our annual maintenance plan. Kindness is our business!""",
    ),
]
