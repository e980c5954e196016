/**
 * Words that carry no subject of their own: English function words, auxiliaries, and the small talk that
 * wraps a question in chat ("hey, quick question, thanks in advance"). They are skipped when matching,
 * so a long, chatty question weighs the same as its core.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
	`a about above across after afterwards again against all almost alone along already also although always am among
	an and another any anybody anyhow anyone anything anyway anyways anywhere are aren around as at be because
	been before beforehand being below beside besides between beyond both but by can cannot could couldn did didn
	do does doesn doing don done down during each either else elsewhere enough etc even ever every everyone everything
	everywhere except few for former formerly from further had hadn has hasn have haven having he hence her here hereafter
	hereby herein hers herself him himself his how however i ie if in indeed into is isn it its itself just least less
	let lets like likely may maybe me meanwhile might mine more moreover most mostly much must my myself namely neither
	never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one ones only onto or other
	others otherwise our ours ourselves out over own per perhaps please quite rather re really s same she should shouldn
	since so some somehow someone something sometime sometimes somewhere still such t than that the their theirs them
	themselves then thence there thereafter thereby therefore therein thereupon these they this those though through
	throughout thru thus to together too toward towards under until up upon us very via was wasn we well were weren what
	whatever whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
	whoever whole whom whose why will with within without won would wouldn yet you your yours yourself yourselves
	ll ve d m o y ain ma shan needn mustn mightn
	hi hey hello hiya yo greetings thanks thank thx ty cheers pls plz ok okay okey lol haha hmm um uh uhm yeah yes yep nope
	guys everyone folks all anyone friend friends sorry excuse quick question questions wondering wonder wondered curious
	know knows knew tell telling told say saying explain explained mean means meant understand understood confused
	help helps get gets got getting go goes going gone want wanted wants need needs needed try trying
	kind kinds sort sorts type types thing things stuff way ways actually basically exactly simply kinda sorta bit lot lots
	please appreciate appreciated advance anyway already think thought reading read heard hear see saw look looking find
	found info information details detail name names called many several various currently today yesterday tonight night morning evening said says added`
		.split(/\s+/)
		.filter(Boolean),
);

/** Words that say what kind of answer a question wants; kept apart from its content words. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
	'who', 'whom', 'whose', 'when', 'where', 'which', 'what', 'why', 'how', 'whats', 'wat', 'wht', 'wich', 'wen', 'wher',
]);
